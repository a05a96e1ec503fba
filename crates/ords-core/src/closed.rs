//! Closed sets: enums whose every value is listed once (`ALL`) with a key, the text that links,
//! storage and the helper's messages carry, and a label, the text people see. Lookups by key,
//! the choices a control lists and the "not one of …" refusal are written here once, for every
//! such enum.

/// A closed set of choices.
pub trait Closed: Copy + PartialEq + 'static {
    /// Every value, in the order the choices are listed.
    fn all() -> &'static [Self];

    /// The value's key.
    fn key_of(self) -> &'static str;

    /// What people see for it (its key, where it has no label of its own).
    fn label_of(self) -> &'static str {
        self.key_of()
    }

    /// Every value with its key and label, in order: what a control lists.
    fn choices() -> Vec<(Self, &'static str, &'static str)> {
        Self::all().iter().map(|v| (*v, v.key_of(), v.label_of())).collect()
    }

    /// The value with this key.
    fn from_key(key: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.key_of() == key)
    }

    /// The refusal of a key that is none of them: `not one of a, b, c`.
    fn not_one_of() -> String {
        format!("not one of {}", Self::all().iter().map(|v| v.key_of()).collect::<Vec<_>>().join(", "))
    }
}

/// `Closed` for enums with an inherent `ALL` array, `key()` and, after `labelled`, `label()`;
/// each enum's module says it (so this module depends on none of them).
macro_rules! closed {
    (labelled $($t:ty),* $(,)?) => {$(
        impl $crate::closed::Closed for $t {
            fn all() -> &'static [Self] {
                &<$t>::ALL
            }
            fn key_of(self) -> &'static str {
                <$t>::key(self)
            }
            fn label_of(self) -> &'static str {
                <$t>::label(self)
            }
        }
    )*};
    ($($t:ty),* $(,)?) => {$(
        impl $crate::closed::Closed for $t {
            fn all() -> &'static [Self] {
                &<$t>::ALL
            }
            fn key_of(self) -> &'static str {
                <$t>::key(self)
            }
        }
    )*};
}
pub(crate) use closed;

#[cfg(test)]
mod tests {
    use super::Closed;
    use crate::config::{Flow, Section, Target, Theme};
    use crate::provider::Provider;
    use crate::settings::ClientAuth;

    fn round_trip<T: Closed + std::fmt::Debug>() {
        for v in T::all() {
            assert_eq!(T::from_key(v.key_of()), Some(*v));
        }
        assert_eq!(T::from_key("nope"), None);
    }

    #[test]
    fn every_value_is_found_by_its_key_and_refusals_list_the_keys() {
        round_trip::<Target>();
        round_trip::<Flow>();
        round_trip::<Theme>();
        round_trip::<Section>();
        round_trip::<ClientAuth>();
        round_trip::<Provider>();
        round_trip::<crate::code::CodeTarget>();
        round_trip::<crate::diagnose::FindingId>();
        round_trip::<crate::flow::Purpose>();
        assert_eq!(Target::not_one_of(), "not one of network, simulated");
        assert_eq!(ClientAuth::choices()[1], (ClientAuth::RequestBody, "body", ClientAuth::RequestBody.label()));
        assert_eq!(crate::call::Method::choices()[0], (crate::call::Method::Get, "GET", "GET"), "the key is its label");
        assert_eq!(Provider::not_one_of(), "not one of ords, oci-iam, entra, okta, auth0, keycloak, other");
    }
}
