//! Stage 4, classify — payment model (付费模式): as given, else inferred from the renewal rate or
//! the product's name with the profile's keywords, with the reason said in 评分说明.

use crate::classify::industry::normalise;
use crate::model::{CustomerRecord, PaymentModel, PaymentReason};
use crate::profile::Profile;

/// The payment model given, else inferred from the renewal rate or the texts (and why).
pub(super) fn payment_model(
    c: &CustomerRecord,
    profile: &Profile,
) -> (Option<PaymentModel>, Option<PaymentReason>) {
    if let Some(p) = c.payment_model {
        return (Some(p), None);
    }
    if c.renewal_rate.is_some() {
        return (
            Some(PaymentModel::Subscription),
            Some(PaymentReason::RenewalRate),
        );
    }
    if let Some(product) = c.product.as_deref() {
        let text = normalise(product);
        let k = &profile.payment;
        for (model, keys) in [
            (PaymentModel::Custom, &k.custom),
            (PaymentModel::Subscription, &k.subscription),
            (PaymentModel::OneTime, &k.one_time),
        ] {
            if keys
                .iter()
                .any(|key| !key.trim().is_empty() && text.contains(&normalise(key)))
            {
                return (
                    Some(model),
                    Some(PaymentReason::Product {
                        product: product.trim().to_string(),
                        model,
                    }),
                );
            }
        }
    }
    (None, None)
}
