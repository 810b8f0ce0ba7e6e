use crate::i18n::{parts, t, Key, Part};
use leptos::either::Either;
use leptos::prelude::*;

/// A message with some of its `{placeholders}` shown in bold, such as the name of what is
/// about to be overwritten or deleted. Each language places them where its grammar needs.
#[component]
pub fn Emphasised(
    /// The message.
    key: Key,
    /// `(placeholder, value, class)`: filled in as `<strong class=…>`.
    strong: Vec<(&'static str, String, &'static str)>,
    /// Placeholders filled in as plain text (signals, for values the language formats).
    #[prop(optional)]
    plain: Vec<(&'static str, Signal<String>)>,
) -> impl IntoView {
    move || {
        parts(t(key))
            .into_iter()
            .map(|part| match part {
                Part::Text(text) => Either::Left(text.to_owned()),
                Part::Placeholder(name) => {
                    if let Some((_, value, class)) = strong.iter().find(|(n, ..)| *n == name) {
                        Either::Right(view! { <strong class=*class>{value.clone()}</strong> })
                    } else {
                        let value = plain.iter().find(|(n, _)| *n == name).map(|(_, v)| v.get());
                        Either::Left(value.unwrap_or_default())
                    }
                }
            })
            .collect_view()
    }
}
