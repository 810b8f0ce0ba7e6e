//! JSON in and out of the API layer, with no JSON library in the wasm.
//!
//! In the browser, `JSON.parse` reads the text and the models read the parsed value through
//! [`Json`]; native builds, which run the unit tests of the same decoders, parse with
//! `serde_json`. Hand-written decoders instead of `serde`: the derive code, `serde-wasm-bindgen`
//! and the float formatting its error messages pull in were about 37 KB of the wasm (see
//! docs/performance.md). The browser tests run the shipped path against garbled, HTML and
//! mistyped bodies.

use std::fmt;

/// A parsed JSON value, read the same way whichever parser made it.
pub trait Json: Sized {
    /// Member `name` of an object; `None` when it is absent or this is not an object.
    fn member(&self, name: &str) -> Option<Self>;
    /// The members of an object in their order; `None` when this is not an object.
    fn members(&self) -> Option<Vec<(String, Self)>>;
    /// The items of a list; `None` when this is not a list.
    fn items(&self) -> Option<Vec<Self>>;
    fn text(&self) -> Option<String>;
    /// A whole number from 0 to 2^53 − 1 (ids, sizes); `None` for any other value.
    fn whole_number(&self) -> Option<u64>;
    fn is_null(&self) -> bool;
    /// An object, not a list (`JSON.parse` makes both JS objects).
    fn is_object(&self) -> bool;
}

/// Reads a model from a parsed JSON value.
pub trait Decode: Sized {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError>;
}

/// What was expected where: `results[3].id: expected a whole number`.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodeError {
    path: String,
    expected: &'static str,
}

impl DecodeError {
    fn expected(what: &'static str) -> Self {
        DecodeError {
            path: String::new(),
            expected: what,
        }
    }

    /// The same error, one level further out (a member name or a `[index]`).
    fn within(mut self, segment: &str) -> Self {
        let joiner = if self.path.is_empty() || self.path.starts_with('[') {
            ""
        } else {
            "."
        };
        self.path = format!("{segment}{joiner}{}", self.path);
        self
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "expected {}", self.expected)
    }
}

/// The members of a JSON object, read by name.
pub struct Object<'a, J>(&'a J);

impl<'a, J: Json> Object<'a, J> {
    /// `value` as an object; an error for a list, text, number or null.
    pub fn of(value: &'a J) -> Result<Self, DecodeError> {
        if value.is_object() {
            Ok(Object(value))
        } else {
            Err(DecodeError::expected("an object"))
        }
    }

    /// A member that must be there and not null.
    pub fn required<T: Decode>(&self, name: &str) -> Result<T, DecodeError> {
        match self.0.member(name) {
            Some(value) => T::decode(&value).map_err(|error| error.within(name)),
            None => Err(DecodeError::expected("a value").within(name)),
        }
    }

    /// A member the API may leave out or send as null: both read as `None`.
    pub fn optional<T: Decode>(&self, name: &str) -> Result<Option<T>, DecodeError> {
        match self.0.member(name) {
            Some(value) if !value.is_null() => T::decode(&value)
                .map(Some)
                .map_err(|error| error.within(name)),
            _ => Ok(None),
        }
    }
}

impl Decode for String {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        value.text().ok_or(DecodeError::expected("text"))
    }
}

impl Decode for u64 {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        value
            .whole_number()
            .ok_or(DecodeError::expected("a whole number"))
    }
}

impl Decode for u32 {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        u64::decode(value)?
            .try_into()
            .map_err(|_| DecodeError::expected("a smaller whole number"))
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode<J: Json>(value: &J) -> Result<Self, DecodeError> {
        let items = value.items().ok_or(DecodeError::expected("a list"))?;
        items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                T::decode(item).map_err(|error| error.within(&format!("[{index}]")))
            })
            .collect()
    }
}

/// The largest whole number a JSON number holds exactly in a browser (2^53 − 1).
const MAX_EXACT: f64 = 9_007_199_254_740_991.0;

/// `n` as a whole number when it is one within 0..=2^53 − 1; `-1`, `1.5` and `1e300` are not.
fn whole(n: f64) -> Option<u64> {
    ((0.0..=MAX_EXACT).contains(&n) && n.fract() == 0.0).then_some(n as u64)
}

/// `text` as a JSON string literal, quotes included.
pub fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                quoted.push_str("\\u00");
                for shift in [4, 0] {
                    let digit = (u32::from(c) >> shift) & 0xF;
                    quoted.push(char::from_digit(digit, 16).unwrap_or('0'));
                }
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{whole, Json};
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// A plain object from `JSON.parse` (a list is not one).
    fn as_object(value: &JsValue) -> Option<&Object> {
        (value.is_object() && !Array::is_array(value)).then(|| value.unchecked_ref())
    }

    impl Json for JsValue {
        fn member(&self, name: &str) -> Option<Self> {
            // `JSON.parse` objects inherit from `Object.prototype`; none of the member names
            // the models read (`id`, `name`, `results`…) is one of its properties.
            let value = Reflect::get(as_object(self)?, &JsValue::from_str(name)).ok()?;
            (!value.is_undefined()).then_some(value)
        }

        fn members(&self) -> Option<Vec<(String, Self)>> {
            let entries = Object::entries(as_object(self)?);
            Some(
                entries
                    .iter()
                    .filter_map(|entry| {
                        let pair: Array = entry.unchecked_into();
                        Some((pair.get(0).as_string()?, pair.get(1)))
                    })
                    .collect(),
            )
        }

        fn items(&self) -> Option<Vec<Self>> {
            Array::is_array(self).then(|| self.unchecked_ref::<Array>().to_vec())
        }

        fn text(&self) -> Option<String> {
            self.as_string()
        }

        fn whole_number(&self) -> Option<u64> {
            self.as_f64().and_then(whole)
        }

        fn is_null(&self) -> bool {
            JsValue::is_null(self)
        }

        fn is_object(&self) -> bool {
            as_object(self).is_some()
        }
    }

    /// Parses `text` with the browser's `JSON.parse`; the reason when it is not JSON.
    pub fn parse(text: &str) -> Result<JsValue, String> {
        js_sys::JSON::parse(text).map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "not JSON".to_owned())
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{whole, Json};
    use serde_json::Value;

    impl Json for Value {
        fn member(&self, name: &str) -> Option<Self> {
            self.as_object()?.get(name).cloned()
        }

        fn members(&self) -> Option<Vec<(String, Self)>> {
            Some(
                self.as_object()?
                    .iter()
                    .map(|(name, value)| (name.clone(), value.clone()))
                    .collect(),
            )
        }

        fn items(&self) -> Option<Vec<Self>> {
            self.as_array().cloned()
        }

        fn text(&self) -> Option<String> {
            self.as_str().map(str::to_owned)
        }

        fn whole_number(&self) -> Option<u64> {
            // As the browser reads numbers: `801.0` is 801, 2^53 and above are not exact.
            self.as_f64().and_then(whole)
        }

        fn is_null(&self) -> bool {
            Value::is_null(self)
        }

        fn is_object(&self) -> bool {
            Value::is_object(self)
        }
    }

    pub fn parse(text: &str) -> Result<Value, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::parse;
#[cfg(not(target_arch = "wasm32"))]
pub use native::parse;

/// Reads `text` as a `T`; the reason when it is not JSON or not that shape.
pub fn from_str<T: Decode>(text: &str) -> Result<T, String> {
    let value = parse(text)?;
    T::decode(&value).map_err(|error| error.to_string())
}
