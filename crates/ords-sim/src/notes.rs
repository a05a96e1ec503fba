//! `hr/notes/`: the one writable resource (POST, PUT, DELETE), kept in memory until restart.

use crate::json::{array, link, object, string};
use ords_core::HttpResponse;

const MAX_NOTES: usize = 1000;
const MAX_TEXT: usize = 4000;

/// In-memory notes: (id, text).
#[derive(Debug, Default)]
pub struct Notes {
    rows: Vec<(u32, String)>,
    next_id: u32,
}

/// What a write could not do, before the model words it as an ORDS error.
pub enum NoteError {
    NotFound,
    BadBody(&'static str),
    Full,
}

fn note_json(base: &str, id: u32, text: &str) -> String {
    let href = format!("{base}/hr/notes/{id}");
    object(&[("id", id.to_string()), ("text", string(text)), ("links", array(&[link("self", &href)]))])
}

/// `{"text": "..."}` → the text, validated.
fn parse_text(body: &str) -> Result<String, NoteError> {
    let value: serde_json::Value =
        serde_json::from_str(body).map_err(|_| NoteError::BadBody("The body is not JSON"))?;
    let text =
        value.get("text").and_then(|t| t.as_str()).ok_or(NoteError::BadBody("The body needs a \"text\" string"))?;
    if text.chars().count() > MAX_TEXT {
        return Err(NoteError::BadBody("The text is longer than 4000 characters"));
    }
    Ok(text.to_owned())
}

impl Notes {
    pub fn list(&self, base: &str) -> HttpResponse {
        let items: Vec<String> = self.rows.iter().map(|(id, text)| note_json(base, *id, text)).collect();
        let body = object(&[
            ("items", array(&items)),
            ("hasMore", "false".into()),
            ("limit", "25".into()),
            ("offset", "0".into()),
            ("count", items.len().to_string()),
            ("links", array(&[link("self", &format!("{base}/hr/notes/"))])),
        ]);
        crate::collection::json_ok(body)
    }

    pub fn get(&self, base: &str, id: &str) -> Result<HttpResponse, NoteError> {
        let (id, text) = self.rows.iter().find(|(n, _)| n.to_string() == id).ok_or(NoteError::NotFound)?;
        Ok(crate::collection::json_ok(note_json(base, *id, text)))
    }

    pub fn create(&mut self, base: &str, body: &str) -> Result<HttpResponse, NoteError> {
        let text = parse_text(body)?;
        if self.rows.len() >= MAX_NOTES {
            return Err(NoteError::Full);
        }
        let id = self.next_id.checked_add(1).ok_or(NoteError::Full)?;
        self.next_id = id;
        self.rows.push((id, text.clone()));
        let mut r = crate::problem::respond(201, "application/json", note_json(base, id, &text));
        r.headers.push(("Location".into(), format!("{base}/hr/notes/{id}")));
        Ok(r)
    }

    pub fn update(&mut self, base: &str, id: &str, body: &str) -> Result<HttpResponse, NoteError> {
        let text = parse_text(body)?;
        let row = self.rows.iter_mut().find(|(n, _)| n.to_string() == id).ok_or(NoteError::NotFound)?;
        row.1 = text;
        Ok(crate::collection::json_ok(note_json(base, row.0, &row.1)))
    }

    pub fn delete(&mut self, id: &str) -> Result<HttpResponse, NoteError> {
        let before = self.rows.len();
        self.rows.retain(|(n, _)| n.to_string() != id);
        if self.rows.len() == before {
            return Err(NoteError::NotFound);
        }
        Ok(HttpResponse { status: 204, reason: "No Content".into(), headers: Vec::new(), body: String::new() })
    }
}
