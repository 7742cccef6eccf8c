//! Stage forecast — minimisation: Nelder–Mead on unconstrained (log) parameters, deterministic,
//! restarted from its own result until two runs agree (then it has converged).

/// The outcome of a minimisation.
#[derive(Debug, Clone)]
pub struct Minimum {
    /// The point found.
    pub x: Vec<f64>,
    /// The function there.
    pub value: f64,
    /// Whether the simplex shrank to the tolerance within the iteration limit.
    pub converged: bool,
}

/// Minimises `f` from `start` (Nelder–Mead, standard coefficients); non-finite values count as
/// +∞. Restarts from the result (a fresh simplex) up to five times until the value settles.
pub fn minimise(f: impl Fn(&[f64]) -> f64, start: &[f64]) -> Minimum {
    let g = |x: &[f64]| {
        let v = f(x);
        if v.is_finite() {
            v
        } else {
            f64::INFINITY
        }
    };
    let mut best = simplex(&g, start);
    for _ in 0..5 {
        let again = simplex(&g, &best.x);
        let settled = (best.value - again.value).abs() <= 1e-9 * (1.0 + best.value.abs());
        // A restart that lands on the same value is a minimum even when the simplex did not
        // shrink: along a flat ridge (BG/NBD's a and b grow together when few customers drop
        // out) the point may wander while the likelihood does not change. Without this, the
        // last bits of ln/exp (glibc against mingw) decided whether a fit was "converged".
        best = Minimum {
            converged: again.converged || settled,
            ..again
        };
        if settled {
            break;
        }
    }
    best
}

/// One Nelder–Mead run from a simplex around `start`.
fn simplex(f: &impl Fn(&[f64]) -> f64, start: &[f64]) -> Minimum {
    let n = start.len();
    let mut points: Vec<Vec<f64>> = vec![start.to_vec()];
    for i in 0..n {
        let mut p = start.to_vec();
        p[i] += if p[i].abs() > 1e-3 {
            0.1 * p[i].abs().max(1.0)
        } else {
            0.5
        };
        points.push(p);
    }
    let mut values: Vec<f64> = points.iter().map(|p| f(p)).collect();
    // A run that has not settled in 500 steps per dimension is stagnating (a well-posed fit
    // here takes under 300); `minimise` restarts it from a fresh simplex, which is the remedy,
    // instead of spending 16 000 steps — a second under glibc, sixteen under Windows' libm.
    let max_iter = 500 * n;
    let mut converged = false;
    for _ in 0..max_iter {
        // Order: best first.
        let mut order: Vec<usize> = (0..=n).collect();
        order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
        points = order.iter().map(|&i| points[i].clone()).collect();
        values = order.iter().map(|&i| values[i]).collect();
        let spread = (values[n] - values[0]).abs();
        let size = points
            .iter()
            .skip(1)
            .flat_map(|p| p.iter().zip(&points[0]).map(|(a, b)| (a - b).abs()))
            .fold(0.0, f64::max);
        if spread <= 1e-10 * (1.0 + values[0].abs()) && size <= 1e-6 {
            converged = true;
            break;
        }
        let centroid: Vec<f64> = (0..n)
            .map(|j| points[..n].iter().map(|p| p[j]).sum::<f64>() / n as f64)
            .collect();
        let along = |t: f64| -> Vec<f64> {
            centroid
                .iter()
                .zip(&points[n])
                .map(|(c, w)| c + t * (w - c))
                .collect()
        };
        let reflected = along(-1.0);
        let fr = f(&reflected);
        if fr < values[0] {
            let expanded = along(-2.0);
            let fe = f(&expanded);
            if fe < fr {
                points[n] = expanded;
                values[n] = fe;
            } else {
                points[n] = reflected;
                values[n] = fr;
            }
        } else if fr < values[n - 1] {
            points[n] = reflected;
            values[n] = fr;
        } else {
            let (contracted, fc) = if fr < values[n] {
                let c = along(-0.5);
                let v = f(&c);
                (c, v)
            } else {
                let c = along(0.5);
                let v = f(&c);
                (c, v)
            };
            if fc < values[n].min(fr) {
                points[n] = contracted;
                values[n] = fc;
            } else {
                // Shrink towards the best point.
                for i in 1..=n {
                    let p: Vec<f64> = points[i]
                        .iter()
                        .zip(&points[0])
                        .map(|(x, b)| b + 0.5 * (x - b))
                        .collect();
                    values[i] = f(&p);
                    points[i] = p;
                }
            }
        }
    }
    let best = (0..=n)
        .min_by(|&a, &b| values[a].total_cmp(&values[b]))
        .unwrap_or(0);
    Minimum {
        x: points[best].clone(),
        value: values[best],
        converged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_rosenbrock_minimum() {
        let rosen = |x: &[f64]| (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2);
        let m = minimise(rosen, &[-1.2, 1.0]);
        assert!(m.converged);
        assert!(
            (m.x[0] - 1.0).abs() < 1e-5 && (m.x[1] - 1.0).abs() < 1e-5,
            "{:?}",
            m.x
        );
    }
}
