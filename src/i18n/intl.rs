//! Numbers, dates, relative times and plural categories through the browser's own `Intl`, so
//! the panel carries no locale data: Bengali digits, month names and plural rules come from
//! the browser. Formatters are built once per language (building one is slow) and kept.
//!
//! These call into JavaScript, so they work in the browser only; the choices around them
//! (units, rounding) are pure functions in `crate::format` with native tests.

pub use browser::*;

/// Outside a browser (the native unit tests of the models) there is no `Intl`: numbers print
/// as plain ASCII and plurals follow English, so messages built by pure code can be tested.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use crate::i18n::Language;

    pub fn number(_: Language, n: u64) -> String {
        format!("{n}")
    }
    pub fn tenths(_: Language, tenths: u64) -> String {
        format!("{:.1}", tenths as f64 / 10.0)
    }
    pub fn date_time(_: Language, unix_seconds: i64) -> String {
        format!("@{unix_seconds}")
    }
    pub fn relative(_: Language, value: i64, unit: &str) -> String {
        format!("{value} {unit}")
    }
    pub fn plural_category(_: Language, n: u64) -> String {
        if n == 1 { "one" } else { "other" }.to_owned()
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::i18n::Language;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl)]
        type NumberFormat;
        #[wasm_bindgen(constructor, js_namespace = Intl)]
        fn new(locale: &str, options: &js_sys::Object) -> NumberFormat;
        #[wasm_bindgen(method)]
        fn format(this: &NumberFormat, value: f64) -> String;

        #[wasm_bindgen(js_namespace = Intl)]
        type DateTimeFormat;
        #[wasm_bindgen(constructor, js_namespace = Intl)]
        fn new(locale: &str, options: &js_sys::Object) -> DateTimeFormat;
        #[wasm_bindgen(method)]
        fn format(this: &DateTimeFormat, milliseconds: f64) -> String;

        #[wasm_bindgen(js_namespace = Intl)]
        type RelativeTimeFormat;
        #[wasm_bindgen(constructor, js_namespace = Intl)]
        fn new(locale: &str, options: &js_sys::Object) -> RelativeTimeFormat;
        #[wasm_bindgen(method)]
        fn format(this: &RelativeTimeFormat, value: f64, unit: &str) -> String;

        #[wasm_bindgen(js_namespace = Intl)]
        type PluralRules;
        #[wasm_bindgen(constructor, js_namespace = Intl)]
        fn new(locale: &str, options: &js_sys::Object) -> PluralRules;
        #[wasm_bindgen(method)]
        fn select(this: &PluralRules, value: f64) -> String;
    }

    /// The locale `Intl` formats in. English is British style ("15 Jan 2025, 18:30"): day first
    /// and a 24-hour clock read unambiguously by operators anywhere.
    fn locale(language: Language) -> &'static str {
        match language {
            Language::English => "en-GB",
            Language::Bengali => "bn",
        }
    }

    struct Formatters {
        language: Language,
        whole: NumberFormat,
        tenths: NumberFormat,
        date_time: DateTimeFormat,
        relative: RelativeTimeFormat,
        plural: PluralRules,
        /// Answers for small numbers, by number (tenths by their count of tenths). A page of 50
        /// rows asks for the same few numbers (vCPUs, GB, "N of 5") hundreds of times when a
        /// keystroke changes its rows, and each `Intl` call crosses into JavaScript.
        kept_whole: Kept,
        kept_tenths: Kept,
        kept_plural: Kept,
    }

    /// Numbers below this are kept once formatted (a few hundred short strings per language).
    const KEPT_BELOW: u64 = 1024;

    #[derive(Default)]
    struct Kept(RefCell<Vec<Option<String>>>);

    impl Kept {
        /// The kept answer for `n`, made once by `make`; larger numbers are made every time.
        fn get(&self, n: u64, make: impl FnOnce() -> String) -> String {
            if n >= KEPT_BELOW {
                return make();
            }
            let at = n as usize;
            if let Some(Some(found)) = self.0.borrow().get(at) {
                return found.clone();
            }
            let made = make();
            let mut kept = self.0.borrow_mut();
            if kept.len() <= at {
                kept.resize(at + 1, None);
            }
            kept[at] = Some(made.clone());
            made
        }
    }

    thread_local! {
        static CACHE: RefCell<Vec<Rc<Formatters>>> = const { RefCell::new(Vec::new()) };
    }

    fn formatters(language: Language) -> Rc<Formatters> {
        CACHE.with(|cache| {
            if let Some(found) = cache.borrow().iter().find(|f| f.language == language) {
                return found.clone();
            }
            let made = Rc::new(build(language));
            cache.borrow_mut().push(made.clone());
            made
        })
    }

    fn build(language: Language) -> Formatters {
        let tag = locale(language);
        Formatters {
            language,
            whole: NumberFormat::new(tag, &options(&[("maximumFractionDigits", 0.into())])),
            tenths: NumberFormat::new(
                tag,
                &options(&[
                    ("minimumFractionDigits", 1.into()),
                    ("maximumFractionDigits", 1.into()),
                ]),
            ),
            date_time: DateTimeFormat::new(
                tag,
                &options(&[
                    ("day", "numeric".into()),
                    ("month", "short".into()),
                    ("year", "numeric".into()),
                    ("hour", "2-digit".into()),
                    ("minute", "2-digit".into()),
                    ("hourCycle", "h23".into()),
                    ("timeZone", "UTC".into()),
                    ("timeZoneName", "short".into()),
                ]),
            ),
            relative: RelativeTimeFormat::new(tag, &options(&[("numeric", "always".into())])),
            plural: PluralRules::new(tag, &options(&[])),
            kept_whole: Kept::default(),
            kept_tenths: Kept::default(),
            kept_plural: Kept::default(),
        }
    }

    fn options(entries: &[(&str, JsValue)]) -> js_sys::Object {
        let object = js_sys::Object::new();
        for (name, value) in entries {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
        }
        object
    }

    /// "1,005" / "১,০০৫": a whole number with the language's digits and grouping.
    pub fn number(language: Language, n: u64) -> String {
        let formatters = formatters(language);
        formatters
            .kept_whole
            .get(n, || formatters.whole.format(n as f64))
    }

    /// "4.7" / "৪.৭" for 47 tenths: one decimal place.
    pub fn tenths(language: Language, tenths: u64) -> String {
        let formatters = formatters(language);
        formatters
            .kept_tenths
            .get(tenths, || formatters.tenths.format(tenths as f64 / 10.0))
    }

    /// "15 Jan 2025, 18:30 UTC" / "১৫ জানু, ২০২৫, ১৮:৩০ UTC".
    pub fn date_time(language: Language, unix_seconds: i64) -> String {
        formatters(language)
            .date_time
            .format(unix_seconds as f64 * 1000.0)
    }

    /// "5 minutes ago" / "৫ মিনিট আগে" for `value` = -5 and `unit` = "minute".
    pub fn relative(language: Language, value: i64, unit: &str) -> String {
        formatters(language).relative.format(value as f64, unit)
    }

    /// The CLDR plural category of `n` ("one", "other", …) in the language's rules.
    pub fn plural_category(language: Language, n: u64) -> String {
        let formatters = formatters(language);
        formatters
            .kept_plural
            .get(n, || formatters.plural.select(n as f64))
    }
}
