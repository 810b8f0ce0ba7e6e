//! JSON in and out of the API layer: `serde` for every body, plus the few reading rules the
//! derives cannot say on their own (numbers as a browser holds them, null lists, error bodies).
//!
//! In the browser the text is parsed by `JSON.parse` and the models read the parsed value through
//! `serde-wasm-bindgen`, which makes a smaller wasm than `serde_json`'s own parser (the figures:
//! docs/performance.md); the native unit tests read the same models with `serde_json`, and the
//! browser tests run the shipped path against the same garbled, HTML and mistyped bodies.

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::marker::PhantomData;

/// Reads `text` as a `T`; when it cannot, the parser's or serde's reason.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    #[cfg(target_arch = "wasm32")]
    let Object(value) = {
        let value = parse(text)?;
        Object::<T>::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(reason)?
    };
    #[cfg(not(target_arch = "wasm32"))]
    let Object(value) = serde_json::from_str(text).map_err(|error| error.to_string())?;
    Ok(value)
}

/// The same, with the path to the bad value in the reason
/// (`results[3].id: invalid type: string "801", expected a whole number`). Its code is generated
/// again for every model, so only a body that did not read is read this way (`decode.rs`).
pub fn from_str_with_path<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    #[cfg(target_arch = "wasm32")]
    let Object(value) = {
        let value = parse(text)?;
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value))
            .map_err(with_path)?
    };
    #[cfg(not(target_arch = "wasm32"))]
    let Object(value) = {
        let mut reader = serde_json::Deserializer::from_str(text);
        let value = serde_path_to_error::deserialize(&mut reader).map_err(with_path)?;
        reader.end().map_err(|error| error.to_string())?;
        value
    };
    Ok(value)
}

/// `JSON.parse`, with its reason when the text is not JSON.
#[cfg(target_arch = "wasm32")]
fn parse(text: &str) -> Result<wasm_bindgen::JsValue, String> {
    js_sys::JSON::parse(text).map_err(|error| String::from(js_sys::Error::from(error).message()))
}

/// serde's reason, after the path to the value it is about unless that is the whole body.
fn with_path<E: fmt::Display>(error: serde_path_to_error::Error<E>) -> String {
    let path = error.path().to_string();
    let reason = reason(error.into_inner());
    if path == "." {
        reason
    } else {
        format!("{path}: {reason}")
    }
}

/// serde's reason as text. serde-wasm-bindgen's errors are JS `Error`s, which show themselves
/// as "Error: …"; the reason is what follows.
fn reason(error: impl fmt::Display) -> String {
    let text = error.to_string();
    match text.strip_prefix("Error: ") {
        Some(reason) => reason.to_owned(),
        None => text,
    }
}

/// A model read only from a JSON object. serde's derives also read a struct from a list of its
/// members in order; no API body means that, so `[801, "a"]` is refused, not read as an `Os`.
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        reader
            .deserialize_map(ObjectVisitor(PhantomData))
            .map(Object)
    }
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, members: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(members))
    }
}

/// A member holding a model (`#[serde(deserialize_with = "object")]`).
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(reader: D) -> Result<T, D::Error> {
    Object::deserialize(reader).map(|Object(model)| model)
}

/// A member holding a model, or null, or left out (`#[serde(default, deserialize_with = ...)]`).
pub fn optional_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    reader: D,
) -> Result<Option<T>, D::Error> {
    Option::<Object<T>>::deserialize(reader).map(|read| read.map(|Object(model)| model))
}

/// A member holding a list of models.
pub fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    reader: D,
) -> Result<Vec<T>, D::Error> {
    Vec::<Object<T>>::deserialize(reader)
        .map(|read| read.into_iter().map(|Object(model)| model).collect())
}

/// `value` as JSON text: a request body.
pub fn to_string<T: Serialize>(value: &T) -> String {
    // Serialising the request models cannot fail: their keys are strings and they hold no
    // floats or maps with other keys.
    serde_json::to_string(value).unwrap_or_default()
}

/// The largest whole number a JSON number holds exactly in a browser (2^53 − 1).
const MAX_EXACT: u64 = 9_007_199_254_740_991;

/// A whole number from 0 to 2^53 − 1, read as the browser's `JSON.parse` would give it:
/// `801.0` is 801; `-1`, `1.5`, `1e300` and 2^53 are refused rather than rounded.
struct WholeNumber;

impl Visitor<'_> for WholeNumber {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<u64, E> {
        if n <= MAX_EXACT {
            Ok(n)
        } else {
            Err(E::invalid_value(de::Unexpected::Unsigned(n), &self))
        }
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<u64, E> {
        match u64::try_from(n) {
            Ok(n) => self.visit_u64(n),
            Err(_) => Err(E::invalid_value(de::Unexpected::Signed(n), &self)),
        }
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<u64, E> {
        if (0.0..=MAX_EXACT as f64).contains(&n) && n.fract() == 0.0 {
            Ok(n as u64)
        } else {
            Err(E::invalid_value(de::Unexpected::Float(n), &self))
        }
    }
}

/// A model's whole-number member (`#[serde(deserialize_with = "whole")]`): ids, sizes, counts.
pub fn whole<'de, D: Deserializer<'de>, T: TryFrom<u64>>(reader: D) -> Result<T, D::Error> {
    let n = reader.deserialize_any(WholeNumber)?;
    T::try_from(n).map_err(|_| {
        de::Error::invalid_value(de::Unexpected::Unsigned(n), &"a smaller whole number")
    })
}

/// The same for a member the API may leave out or send as null
/// (`#[serde(default, deserialize_with = "optional_whole")]`).
pub fn optional_whole<'de, D: Deserializer<'de>, T: TryFrom<u64>>(
    reader: D,
) -> Result<Option<T>, D::Error> {
    struct Whole<T>(T);
    impl<'de, T: TryFrom<u64>> Deserialize<'de> for Whole<T> {
        fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
            whole(reader).map(Whole)
        }
    }
    Option::<Whole<T>>::deserialize(reader).map(|read| read.map(|Whole(n)| n))
}

/// A list the API may send as null: read as empty (`#[serde(default, deserialize_with = ...)]`).
pub fn null_as_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    reader: D,
) -> Result<Vec<T>, D::Error> {
    Option::<Vec<T>>::deserialize(reader).map(Option::unwrap_or_default)
}

/// The strings of one member of an error body. Field errors are lists of strings in this API
/// style; a bare string is a list of one; anything else (numbers, objects, strings in nested
/// lists) gives none. Never an error, so an odd member cannot hide the others.
#[derive(Debug, Default)]
pub struct Texts(pub Vec<String>);

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        reader.deserialize_any(TextsVisitor { nested: false })
    }
}

/// Reads [`Texts`]; one level down (`nested`), only a bare string counts.
struct TextsVisitor {
    nested: bool,
}

impl<'de> Visitor<'de> for TextsVisitor {
    type Value = Texts;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Texts, E> {
        Ok(Texts(vec![text.to_owned()]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Texts, A::Error> {
        let mut texts = Vec::new();
        if self.nested {
            while items.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(Texts(texts));
        }
        while let Some(Nested(item)) = items.next_element()? {
            texts.extend(item.0);
        }
        Ok(Texts(texts))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Texts, A::Error> {
        while members.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Texts::default())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Texts, E> {
        Ok(Texts::default())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Texts, E> {
        Ok(Texts::default())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Texts, E> {
        Ok(Texts::default())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Texts, E> {
        Ok(Texts::default())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Texts, E> {
        Ok(Texts::default())
    }
}

/// An item of a list inside an error body: a string, or nothing.
struct Nested(Texts);

impl<'de> Deserialize<'de> for Nested {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        reader
            .deserialize_any(TextsVisitor { nested: true })
            .map(Nested)
    }
}
