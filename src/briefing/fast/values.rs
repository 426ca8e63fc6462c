//! The fast road's values: text as it must be written (a string, cleaned for the
//! terminal on arrival), a count, and a value with the line it starts on, each
//! with the schema it stands for in `brief schema`.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_saphyr::Spanned;

use crate::briefing::text::{clean, clean_owned};

/// A string that was written as a string (a number or boolean where text belongs
/// is the checker's to report, not ours to turn into text), cleaned for the
/// terminal as it arrives: then the parser's copy is still in the cache, where
/// cleaning a comment after its replies were read found it long gone (25 ms on
/// a 23 MB file).
pub(super) struct Text(pub(super) String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        Str::deserialize(d).map(|s| Text(s.0.into_owned()))
    }
}

/// `Text` that stays where the parser found it when it can: a scalar written
/// plainly, with nothing to clean, is a slice of the file's text, which a
/// comment's words are then moved along rather than copied out of.
pub(super) struct Str<'a>(pub(super) Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Str<'a>, D::Error> {
        struct StrVisitor<'a>(std::marker::PhantomData<&'a str>);
        impl<'de: 'a, 'a> Visitor<'de> for StrVisitor<'a> {
            type Value = Str<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Str<'a>, E> {
                Ok(Str(clean(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Str<'a>, E> {
                Ok(Str(Cow::Owned(clean(v).into_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Str<'a>, E> {
                let mut v = clean_owned(v);
                // The parser builds strings as it reads them and leaves spare room;
                // across 100,000 comments that room is a third of the memory.
                v.shrink_to_fit();
                Ok(Str(Cow::Owned(v)))
            }
        }
        d.deserialize_any(StrVisitor(std::marker::PhantomData))
    }
}

impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string" })
    }
}

/// A whole number written as a number: `! 5` (a tagged string) or `5.0` is the
/// checker's to refuse, as it would be if this road read it as text.
pub(super) struct Count(pub(super) u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        struct CountVisitor;
        impl Visitor<'_> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                Ok(Count(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                u64::try_from(v)
                    .map(Count)
                    .map_err(|_| E::custom("a negative count"))
            }
        }
        d.deserialize_any(CountVisitor)
    }
}

impl JsonSchema for Count {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "format": "uint64", "minimum": 0 })
    }
}

/// A value with the line it starts on. The parser's `Spanned` carries two full
/// locations; keeping only the line saves a third of the memory of a big file.
/// A comment takes its line from its text, a scalar, which the parser locates
/// more cheaply than the whole map.
pub(super) struct AtLine<T> {
    pub(super) line: u32,
    pub(super) value: T,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for AtLine<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AtLine<T>, D::Error> {
        let spanned = Spanned::<T>::deserialize(d)?;
        Ok(AtLine {
            line: u32::try_from(spanned.referenced.line()).unwrap_or(u32::MAX),
            value: spanned.value,
        })
    }
}

impl<T: JsonSchema> JsonSchema for AtLine<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}
