//! Cluster names from the centroid's standout traits ("高价值·高活跃", "低活跃·高流失风险",
//! "新客户·待培育"), unique within a run.

use super::features::{FeatureKind, Indicator};
use crate::model::{ClusterName, ClusterWord};

/// A trait a name can mention: a clustered feature (either direction) or an indicator
/// (only when the cluster has more of it than the customer base).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trait {
    /// A clustering feature.
    Feature(FeatureKind),
    /// A yes/no trait.
    Indicator(Indicator),
}

/// A centroid departs from the average customer by this many standard deviations before it is
/// worth naming: half a standard deviation is what a reader notices in the profile table.
pub const STANDOUT: f64 = 0.5;

/// At most this many traits in a name, unless needed to tell two clusters apart.
const NAME_TRAITS: usize = 2;

/// Traits tried at most when two clusters would otherwise share a name.
const MAX_TRAITS: usize = 4;

/// A trait added only to tell two clusters apart must still be a real departure.
const DISTINGUISH: f64 = 0.25;

impl Trait {
    /// Where the trait goes in a name, so that names read alike: new → value → frequency →
    /// recency → activity → satisfaction → size → potential → churn.
    fn rank(self) -> u8 {
        match self {
            Trait::Indicator(Indicator::NewCustomer) => 0,
            Trait::Feature(FeatureKind::Monetary | FeatureKind::ValueScore) => 1,
            Trait::Feature(FeatureKind::Frequency) => 2,
            Trait::Feature(FeatureKind::Recency) => 3,
            Trait::Feature(FeatureKind::Logins | FeatureKind::ActivityScore) => 4,
            Trait::Feature(FeatureKind::Satisfaction | FeatureKind::SatisfactionScore) => 5,
            Trait::Feature(FeatureKind::SizeScore) => 6,
            Trait::Feature(FeatureKind::PotentialScore) => 7,
            Trait::Indicator(Indicator::HighChurn) => 8,
        }
    }

    /// The word for the trait when the cluster is above (`high`) or below the average.
    fn word(self, high: bool) -> ClusterWord {
        use ClusterWord as W;
        use FeatureKind as F;
        match (self, high) {
            (Trait::Feature(F::Monetary | F::ValueScore), true) => W::HighValue,
            (Trait::Feature(F::Monetary | F::ValueScore), false) => W::LowValue,
            (Trait::Feature(F::Frequency), true) => W::Frequent,
            (Trait::Feature(F::Frequency), false) => W::Rare,
            // More days since the last purchase is the worse direction.
            (Trait::Feature(F::Recency), true) => W::Lapsed,
            (Trait::Feature(F::Recency), false) => W::Recent,
            (Trait::Feature(F::Logins | F::ActivityScore), true) => W::Active,
            (Trait::Feature(F::Logins | F::ActivityScore), false) => W::Inactive,
            (Trait::Feature(F::Satisfaction | F::SatisfactionScore), true) => W::Satisfied,
            (Trait::Feature(F::Satisfaction | F::SatisfactionScore), false) => W::Dissatisfied,
            (Trait::Feature(F::SizeScore), true) => W::Larger,
            (Trait::Feature(F::SizeScore), false) => W::Small,
            (Trait::Feature(F::PotentialScore), true) => W::HighPotential,
            (Trait::Feature(F::PotentialScore), false) => W::LowPotential,
            (Trait::Indicator(Indicator::HighChurn), _) => W::HighChurn,
            (Trait::Indicator(Indicator::NewCustomer), _) => W::New,
        }
    }
}

/// One cluster's departures from the average customer, in standard deviations.
#[derive(Debug, Clone)]
pub struct Profile {
    /// (trait, z) for every feature and indicator; indicators with a negative z are ignored.
    pub traits: Vec<(Trait, f64)>,
}

impl Profile {
    /// Traits worth naming, strongest first (ties keep name order).
    fn ranked(&self) -> Vec<(Trait, f64)> {
        let mut t: Vec<(Trait, f64)> = self
            .traits
            .iter()
            .copied()
            .filter(|(t, z)| z.is_finite() && (matches!(t, Trait::Feature(_)) || *z > 0.0))
            .collect();
        t.sort_by(|a, b| {
            b.1.abs()
                .total_cmp(&a.1.abs())
                .then(a.0.rank().cmp(&b.0.rank()))
        });
        t
    }
}

/// The name from the first `count` ranked traits, written in name order (no trait: 中等·平稳;
/// 新客户 alone: 新客户·待培育).
fn compose(ranked: &[(Trait, f64)], count: usize) -> ClusterName {
    let mut chosen: Vec<(Trait, f64)> = ranked.iter().take(count).copied().collect();
    chosen.sort_by_key(|(t, _)| t.rank());
    let mut words: Vec<ClusterWord> = chosen.iter().map(|(t, z)| t.word(*z > 0.0)).collect();
    if words == [ClusterWord::New] {
        words.push(ClusterWord::ToNurture);
    }
    ClusterName::Traits {
        words,
        number: None,
    }
}

/// A unique name per cluster (in the given order, which is cluster-id order).
///
/// Each name uses the cluster's standout traits (at most two). Two clusters that would share a
/// name are told apart by their next strongest trait; if that is not enough, the later one gets
/// its cluster number.
pub fn names(profiles: &[Profile]) -> Vec<ClusterName> {
    let ranked: Vec<Vec<(Trait, f64)>> = profiles.iter().map(Profile::ranked).collect();
    let mut counts: Vec<usize> = ranked
        .iter()
        .map(|r| {
            r.iter()
                .take_while(|(_, z)| z.abs() >= STANDOUT)
                .count()
                .min(NAME_TRAITS)
        })
        .collect();
    let mut names: Vec<ClusterName> = ranked
        .iter()
        .zip(&counts)
        .map(|(r, &c)| compose(r, c))
        .collect();
    let limits: Vec<usize> = ranked
        .iter()
        .zip(&counts)
        .map(|(r, &c)| {
            r.iter()
                .take_while(|(_, z)| z.abs() >= DISTINGUISH)
                .count()
                .clamp(c, MAX_TRAITS.max(c))
        })
        .collect();
    for _ in 0..MAX_TRAITS {
        let mut changed = false;
        for i in 0..names.len() {
            let clash = (0..names.len()).any(|j| j != i && names[j] == names[i]);
            if clash && counts[i] < limits[i] {
                counts[i] += 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        names = ranked
            .iter()
            .zip(&counts)
            .map(|(r, &c)| compose(r, c))
            .collect();
    }
    // Whatever still clashes keeps its name the first time and takes its number afterwards.
    for i in 0..names.len() {
        if names[..i].contains(&names[i]) {
            if let ClusterName::Traits { number, .. } = &mut names[i] {
                *number = Some(i + 1);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::cluster_name;
    use crate::model::Lang;

    fn profile(traits: &[(Trait, f64)]) -> Profile {
        Profile {
            traits: traits.to_vec(),
        }
    }

    const M: Trait = Trait::Feature(FeatureKind::Monetary);
    const L: Trait = Trait::Feature(FeatureKind::Logins);
    const R: Trait = Trait::Feature(FeatureKind::Recency);
    const S: Trait = Trait::Feature(FeatureKind::Satisfaction);
    const CHURN: Trait = Trait::Indicator(Indicator::HighChurn);
    const NEW: Trait = Trait::Indicator(Indicator::NewCustomer);

    /// (centroid traits, zh name, en name)
    type Case<'a> = (&'a [(Trait, f64)], &'a str, &'a str);

    #[test]
    fn names_from_standout_traits() {
        let cases: &[Case] = &[
            (
                &[(M, 1.2), (L, 0.9), (S, 0.1)],
                "高价值·高活跃",
                "High value · Highly active",
            ),
            // Activity first by name order even though churn stands out more.
            (
                &[(L, -0.8), (CHURN, 1.5), (M, 0.2)],
                "低活跃·高流失风险",
                "Inactive · High churn risk",
            ),
            (
                &[(NEW, 2.0), (M, 0.3)],
                "新客户·待培育",
                "New customers · to nurture",
            ),
            (
                &[(S, 0.9), (M, -0.7), (L, 0.1)],
                "低价值·高满意",
                "Low value · Satisfied",
            ),
            (&[(R, 1.1)], "久未购买", "Lapsed"),
            (&[(M, 0.2), (L, -0.3)], "中等·平稳", "Average · steady"),
            // A below-average share of an indicator says nothing.
            (&[(CHURN, -1.5), (M, 0.6)], "高价值", "High value"),
        ];
        for (traits, zh, en) in cases {
            let p = [profile(traits)];
            let got = &names(&p)[0];
            assert_eq!(cluster_name(Lang::Zh, got), *zh, "traits {traits:?}");
            assert_eq!(cluster_name(Lang::En, got), *en, "traits {traits:?}");
        }
    }

    #[test]
    fn colliding_names_get_a_distinguishing_trait_then_a_number() {
        let p = [
            profile(&[(M, 1.5), (L, 0.3), (S, 0.1)]),
            profile(&[(M, 0.9), (S, -0.3), (L, 0.1)]),
            profile(&[(M, 0.9), (S, -0.3), (L, 0.1)]),
        ];
        let got: Vec<String> = names(&p)
            .iter()
            .map(|n| cluster_name(Lang::Zh, n))
            .collect();
        assert_eq!(got[0], "高价值·高活跃");
        assert_eq!(got[1], "高价值·低满意");
        assert_eq!(got[2], "高价值·低满意（第3类）");
        let unique: std::collections::HashSet<&String> = got.iter().collect();
        assert_eq!(unique.len(), 3, "{got:?}");
    }
}
