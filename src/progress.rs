//! Progress of a run, at its edge: the stage now running as a spinner on stderr (only when it
//! is a terminal and not `--quiet`), and the time each stage took (`--timings`).

use std::cell::RefCell;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Stage-by-stage progress on stderr; it also keeps the time each stage took.
pub struct Progress {
    bar: Option<ProgressBar>,
    stages: RefCell<Vec<(String, Instant)>>,
}

impl Progress {
    /// A progress display, shown only when `wanted` and stderr is a terminal.
    pub fn new(wanted: bool) -> Progress {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{elapsed}] {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            stages: Default::default(),
        }
    }

    /// Names the stage now running.
    pub fn stage(&self, name: String) {
        if let Some(bar) = &self.bar {
            bar.set_message(name.clone());
        }
        self.stages.borrow_mut().push((name, Instant::now()));
    }

    /// Clears the display and closes the last stage.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        self.stages
            .borrow_mut()
            .push((String::new(), Instant::now()));
    }

    /// The time of each stage, one line each ("stage<TAB>milliseconds").
    pub fn timings(&self) -> String {
        let stages = self.stages.borrow();
        stages
            .windows(2)
            .map(|w| {
                format!(
                    "{}\t{}\n",
                    w[0].0,
                    w[1].1.duration_since(w[0].1).as_millis()
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_list_each_closed_stage_in_order() {
        let progress = Progress::new(false);
        progress.stage("one".into());
        progress.stage("two".into());
        progress.finish();
        let timings = progress.timings();
        let lines: Vec<&str> = timings
            .lines()
            .map(|l| l.split('\t').next().unwrap_or_default())
            .collect();
        assert_eq!(lines, ["one", "two"]);
    }
}
