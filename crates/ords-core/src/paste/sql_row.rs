//! A result row pasted from a SQL tool: `SELECT … FROM USER_ORDS_CLIENTS` or what
//! `OAUTH.CREATE_CLIENT` left there, with `CLIENT_ID` and `CLIENT_SECRET` columns. Columns are
//! split by tabs (SQL Developer, SQLcl's copy), `|` (a markdown or SQL*Plus table), commas
//! (CSV) or runs of two spaces; dashed rule lines are skipped.

use super::{Fill, Note};
use crate::secret::ClientSecret;
use crate::MASK;

/// The client id and secret of the first data row, or None when no header line names
/// `CLIENT_ID`.
pub(super) fn read(text: &str) -> Option<(Fill, Vec<Note>)> {
    let lines: Vec<(usize, &str)> =
        text.lines().enumerate().map(|(i, l)| (i + 1, l)).filter(|(_, l)| !l.trim().is_empty()).take(10_000).collect();
    let (head_at, split, columns) = lines.iter().enumerate().find_map(|(at, (_, l))| {
        if !l.to_ascii_uppercase().contains("CLIENT_ID") {
            return None;
        }
        let split = splitter(l);
        let columns: Vec<String> =
            split(l).into_iter().map(|c| c.trim().trim_matches('"').to_ascii_uppercase()).collect();
        columns.iter().any(|c| c == "CLIENT_ID").then_some((at, split, columns))
    })?;
    let id_at = columns.iter().position(|c| c == "CLIENT_ID")?;
    let secret_at = columns.iter().position(|c| c == "CLIENT_SECRET");
    let (line, row) = lines[head_at + 1..]
        .iter()
        .find(|(_, l)| !l.trim().chars().all(|c| matches!(c, '-' | '|' | '+' | ' ' | '\t' | ':')))?;
    let cells: Vec<String> = split(row).into_iter().map(|c| c.trim().trim_matches('"').to_owned()).collect();
    let mut notes = Vec::new();
    let mut fill = Fill::default();
    let id = cells.get(id_at).filter(|c| !c.is_empty())?;
    notes.push(Note::taken(*line, format!("Client ID: {id} (from the CLIENT_ID column)")));
    fill.client_id = Some(id.clone());
    match secret_at.and_then(|at| cells.get(at)).map(String::as_str) {
        Some(s) if !s.is_empty() && !s.chars().all(|c| c == '*') => {
            notes.push(Note::taken(
                *line,
                format!("Client secret: {MASK} (from the CLIENT_SECRET column; kept in memory only)"),
            ));
            fill.client_secret = Some(ClientSecret::new(s));
        }
        Some(_) => {
            notes
                .push(Note::ignored(*line, "CLIENT_SECRET is masked or empty (ORDS 24.3 and later show it only once)"));
        }
        None => notes.push(Note::ignored(*line, "No CLIENT_SECRET column.")),
    }
    Some((fill, notes))
}

type Split = fn(&str) -> Vec<&str>;

fn splitter(head: &str) -> Split {
    if head.contains('\t') {
        |l| l.split('\t').collect()
    } else if head.contains('|') {
        |l| l.split('|').map(str::trim).filter(|c| !c.is_empty()).collect()
    } else if head.contains(',') {
        |l| l.split(',').collect()
    } else {
        |l| l.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()
    }
}
