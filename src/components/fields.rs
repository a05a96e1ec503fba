//! Labelled inputs that show their refusal message next to them.

use super::controls::RevealToggle;
use crate::actions::Page;
use crate::state::{Results, Source};
use leptos::prelude::*;
use ords_core::Field;

fn field_id(field: Field) -> String {
    field.label().to_ascii_lowercase().replace(' ', "-")
}

/// The refusal message under a field, if the last attempt refused it.
#[component]
fn FieldMessage(field: Field) -> impl IntoView {
    let results = expect_context::<Results>();
    let id = format!("{}-error", field_id(field));
    move || {
        results.error_for(field).map(|message| {
            view! { <p class="field-error" id=id.clone() role="alert">{message}</p> }
        })
    }
}

/// A text input labelled with the field's visible name. A URL field passes its `source`: what
/// the person types there becomes theirs (see `actions::url_typed`).
#[component]
pub fn TextField(
    field: Field,
    value: RwSignal<String>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] source: Option<RwSignal<Source>>,
) -> impl IntoView {
    let results = expect_context::<Results>();
    let page = expect_context::<Page>();
    let view_state = expect_context::<crate::state::View>();
    let on_input = move |ev: leptos::ev::Event| {
        let after = event_target_value(&ev);
        if let Some(source) = source {
            let before = value.get_untracked();
            crate::actions::url_typed(page, source, &before, &after);
        }
        value.set(after);
    };
    let id = field_id(field);
    let error_id = format!("{id}-error");
    let invalid = move || results.error_for(field).is_some().to_string();
    view! {
        <div class="field">
            <label for=id.clone()>{field.label()}</label>
            <input
                id=id
                type="text"
                spellcheck="false"
                autocomplete="off"
                placeholder=placeholder
                aria-invalid=invalid
                aria-describedby=error_id
                prop:value=move || value.get()
                on:input=on_input
                on:paste=move |ev| on_paste(ev, source.is_some(), view_state)
            />
            <FieldMessage field=field />
        </div>
    }
}

/// A command pasted into a URL field (curl copied with its URL, as Postman and Hoppscotch read
/// it) opens `Paste a command` with it instead of landing in the field.
fn on_paste(ev: leptos::ev::ClipboardEvent, url_field: bool, view_state: crate::state::View) {
    let Some(text) = crate::browser::pasted_text(&ev).filter(|t| url_field && ords_core::looks_like_command(t)) else {
        return;
    };
    ev.prevent_default();
    view_state.paste_command(text);
}

/// A secret input: masked until the person presses Show.
#[component]
pub fn SecretField(field: Field, value: RwSignal<String>) -> impl IntoView {
    let results = expect_context::<Results>();
    let revealed = RwSignal::new(false);
    let id = field_id(field);
    let error_id = format!("{id}-error");
    let control_id = id.clone();
    let invalid = move || results.error_for(field).is_some().to_string();
    view! {
        <div class="field">
            <label for=id.clone()>{field.label()}</label>
            <div class="secret">
                <input
                    id=id
                    type=move || if revealed.get() { "text" } else { "password" }
                    spellcheck="false"
                    autocomplete="off"
                    aria-invalid=invalid
                    aria-describedby=error_id
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                <RevealToggle revealed show="Show" hide="Hide" controls=control_id class="reveal" />
            </div>
            <FieldMessage field=field />
        </div>
    }
}

/// A labelled `<select>` over a few values, each with its form value and visible label.
/// `touched` (if given) records that the person chose, as opposed to a default.
#[component]
pub fn ChoiceField<T>(
    label: &'static str,
    id: &'static str,
    value: RwSignal<T>,
    options: Vec<(T, &'static str, &'static str)>,
    #[prop(optional)] touched: Option<RwSignal<bool>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let choices = options.clone();
    view! {
        <label for=id>{label}</label>
        <select
            id=id
            on:change=move |ev| {
                let picked = event_target_value(&ev);
                if let Some((choice, _, _)) = choices.iter().find(|(_, v, _)| *v == picked) {
                    value.set(*choice);
                    if let Some(touched) = touched {
                        touched.set(true);
                    }
                }
            }
        >
            {options
                .into_iter()
                .map(|(choice, form_value, text)| {
                    view! { <option value=form_value selected=move || value.get() == choice>{text}</option> }
                })
                .collect_view()}
        </select>
    }
}
