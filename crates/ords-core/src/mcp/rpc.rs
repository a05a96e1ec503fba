//! JSON-RPC over streamable HTTP: the requests a client POSTs to `/mcp`, and the answers read
//! back from a JSON body or from server-sent events (`event: message` / `data: …`), bounded in
//! bytes, events and tools, so a server that streams forever or lists a million tools cannot
//! stall the page.

use super::metadata::{document, MetadataError};
use serde_json::{json, Value};

/// At most this many server-sent events are read from one answer.
pub const MAX_EVENTS: usize = 1000;
/// At most this many tools are listed; the rest are counted.
pub const MAX_TOOLS: usize = 500;
/// A tool's description is cut to this many characters.
pub const MAX_DESCRIPTION: usize = 2000;

/// A JSON-RPC request body: a call (with `id`) or a notification (`id` None).
pub fn rpc_request(id: Option<u64>, method: &str, params: Value) -> String {
    let mut body = json!({ "jsonrpc": "2.0", "method": method });
    if let Some(id) = id {
        body["id"] = json!(id);
    }
    if !params.is_null() {
        body["params"] = params;
    }
    body.to_string()
}

/// A JSON-RPC answer: its result, or the error the server sent.
#[derive(Clone, Debug, PartialEq)]
pub enum RpcAnswer {
    Result(Value),
    Error { code: i64, message: String },
}

/// Why an answer could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RpcError {
    Document(MetadataError),
    /// The event stream held no JSON-RPC answer to the request (within the events read).
    NoAnswer {
        events: usize,
        cut: bool,
    },
    NotRpc,
    /// A JSON answer to another request than the one sent.
    OtherId {
        sent: u64,
        got: String,
    },
}

impl std::fmt::Display for RpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Document(e) => e.fmt(f),
            Self::NoAnswer { events, cut: true } => {
                write!(f, "The event stream held no answer in its first {events} events: reading stopped there.")
            }
            Self::NoAnswer { events, .. } => write!(f, "The event stream ended after {events} events with no answer."),
            Self::NotRpc => f.write_str("The answer is JSON but not JSON-RPC (no result or error)."),
            Self::OtherId { sent, got } => {
                write!(
                    f,
                    "The answer is to another request (id {got}), not to the one sent (id {sent}): it is not used."
                )
            }
        }
    }
}

/// Reads the answer to request `id` from a response body: JSON when `content_type` says so,
/// else server-sent events, whose `data:` lines are joined per event.
pub fn read_rpc_answer(content_type: &str, body: &str, id: u64) -> Result<RpcAnswer, RpcError> {
    if !content_type.to_ascii_lowercase().contains("text/event-stream") {
        let value = document(body).map_err(RpcError::Document)?;
        return match value.get("id") {
            // `null` is JSON-RPC's id for an error the server could not tie to a request.
            Some(got) if !got.is_null() && got.as_u64() != Some(id) => {
                Err(RpcError::OtherId { sent: id, got: got.to_string().chars().take(40).collect() })
            }
            _ => answer_of(&value),
        };
    }
    let body = body.replace("\r\n", "\n");
    let mut events = 0;
    for event in body.split("\n\n").filter(|e| !e.trim().is_empty()) {
        if events == MAX_EVENTS {
            return Err(RpcError::NoAnswer { events, cut: true });
        }
        events += 1;
        let data: Vec<&str> = event.lines().filter_map(|l| l.strip_prefix("data:")).map(str::trim_start).collect();
        let Ok(value) = document(&data.join("\n")) else { continue };
        if value.get("id").and_then(Value::as_u64) == Some(id) {
            return answer_of(&value);
        }
    }
    Err(RpcError::NoAnswer { events, cut: false })
}

fn answer_of(v: &Value) -> Result<RpcAnswer, RpcError> {
    if let Some(result) = v.get("result") {
        return Ok(RpcAnswer::Result(result.clone()));
    }
    let error = v.get("error").ok_or(RpcError::NotRpc)?;
    Ok(RpcAnswer::Error {
        code: error.get("code").and_then(Value::as_i64).unwrap_or(0),
        message: error.get("message").and_then(Value::as_str).unwrap_or_default().chars().take(500).collect(),
    })
}

/// One tool as `tools/list` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tool {
    pub name: String,
    pub description: String,
    /// Its input schema, pretty-printed.
    pub input_schema: String,
}

/// The tools listed, and how many more there were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ToolList {
    pub tools: Vec<Tool>,
    pub left_out: usize,
}

/// Reads a `tools/list` result.
pub fn read_tools(result: &Value) -> ToolList {
    let all = result.get("tools").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let tools = all
        .iter()
        .take(MAX_TOOLS)
        .map(|t| Tool {
            name: cut(t.get("name").and_then(Value::as_str).unwrap_or("(no name)"), 200),
            description: cut(t.get("description").and_then(Value::as_str).unwrap_or_default(), MAX_DESCRIPTION),
            input_schema: t
                .get("inputSchema")
                .map(|s| cut(&serde_json::to_string_pretty(s).unwrap_or_default(), 8000))
                .unwrap_or_default(),
        })
        .collect();
    ToolList { tools, left_out: all.len().saturating_sub(MAX_TOOLS) }
}
