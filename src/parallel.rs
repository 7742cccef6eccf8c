//! Work split over the machine's two cores, in order: the first half of a list on this thread,
//! the second half on another, the results joined in the list's order. Same input, same output,
//! whichever half finishes first.

/// Below this many items the work is done on this thread alone (a thread costs more).
const MIN_SPLIT: usize = 2_000;

/// Maps every item, in two halves side by side; `state` makes each half's own scratch state (a
/// cache, say), which must not change the results.
pub fn map_with<T, U, S>(
    items: &[T],
    state: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> U + Sync,
) -> Vec<U>
where
    T: Sync,
    U: Send,
{
    if items.len() < MIN_SPLIT {
        let mut s = state();
        return items.iter().map(|t| f(&mut s, t)).collect();
    }
    let (first, second) = items.split_at(items.len() / 2);
    let (state, f) = (&state, &f);
    let run = move |part: &[T]| -> Vec<U> {
        let mut s = state();
        part.iter().map(|t| f(&mut s, t)).collect()
    };
    std::thread::scope(|scope| {
        let later = scope.spawn(move || run(second));
        let mut out = run(first);
        // A panic on the other thread is passed on as it would be on this one.
        match later.join() {
            Ok(rest) => out.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        out
    })
}

/// Maps every item, taking it by value, in two halves side by side.
pub fn map_owned<T, U>(mut items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U>
where
    T: Send,
    U: Send,
{
    if items.len() < MIN_SPLIT {
        return items.into_iter().map(f).collect();
    }
    let second = items.split_off(items.len() / 2);
    let f = &f;
    std::thread::scope(|scope| {
        let later = scope.spawn(move || second.into_iter().map(f).collect::<Vec<U>>());
        let mut out: Vec<U> = items.into_iter().map(f).collect();
        match later.join() {
            Ok(rest) => out.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order() {
        for n in [0, 1, MIN_SPLIT - 1, MIN_SPLIT, 10_001] {
            let items: Vec<usize> = (0..n).collect();
            let counted = map_with(
                &items,
                || 0usize,
                |calls, i| {
                    *calls += 1;
                    i * 2
                },
            );
            assert_eq!(counted, items.iter().map(|i| i * 2).collect::<Vec<_>>());
            let owned = map_owned(items.clone(), |i| i.to_string());
            assert_eq!(
                owned,
                items.iter().map(usize::to_string).collect::<Vec<_>>()
            );
        }
    }
}
