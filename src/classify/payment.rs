//! Stage 4, classify — payment model (付费模式): as given, else inferred from the renewal rate or
//! the product's name with the profile's keywords, with the reason said in 评分说明.

use crate::classify::industry::normalise;
use crate::model::{CustomerRecord, Lang, PaymentModel};
use crate::profile::Profile;
use crate::say;

/// The payment model given, else inferred from the renewal rate or the texts (and why).
pub(super) fn payment_model(
    c: &CustomerRecord,
    profile: &Profile,
    lang: Lang,
) -> (Option<PaymentModel>, Option<String>) {
    if let Some(p) = c.payment_model {
        return (Some(p), None);
    }
    if c.renewal_rate.is_some() {
        return (
            Some(PaymentModel::Subscription),
            Some(say!(
                lang,
                "付费模式按续费率推断为订阅",
                "payment model inferred as subscription from the renewal rate"
            )),
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
                    Some(say!(
                        lang,
                        "付费模式按产品“{}”推断为{}",
                        "payment model inferred as {1} from the product \"{0}\"",
                        product.trim(),
                        model.label(lang)
                    )),
                );
            }
        }
    }
    (None, None)
}
