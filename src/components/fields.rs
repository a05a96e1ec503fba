//! Labelled inputs that show their refusal message next to them.

use crate::state::Results;
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

/// A text input labelled with the field's visible name.
#[component]
pub fn TextField(field: Field, value: RwSignal<String>, #[prop(optional)] placeholder: &'static str) -> impl IntoView {
    let results = expect_context::<Results>();
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
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <FieldMessage field=field />
        </div>
    }
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
                <button
                    type="button"
                    class="reveal"
                    title="Show or hide what is typed"
                    aria-controls=control_id
                    aria-pressed=move || revealed.get().to_string()
                    on:click=move |_| revealed.update(|r| *r = !*r)
                >
                    {move || if revealed.get() { "Hide" } else { "Show" }}
                </button>
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
