//! ORDS's MCP server (ORDS 26.2 and later, standalone ORDS only) as a client meets it: the
//! first call's `401` challenge names the protected-resource metadata (RFC 9728), which names
//! the authorization server, whose metadata (RFC 8414, or OpenID discovery) names the token
//! endpoint; a JWT from there with the MCP scope, checked against ORDS's global MCP JWT profile;
//! then JSON-RPC over HTTP (`initialize`, `notifications/initialized`, `tools/list`), each
//! answer as JSON or as server-sent events. Everything read from a server is bounded.
//! Sources and certainty marks: docs/ords-behaviour.md, "The MCP server".

mod chain;
mod code;
mod hops;
mod metadata;
mod rpc;
mod session;
mod wire;

pub use chain::walk;
pub use code::{client_config, curl_script, McpCodeInput};
pub use hops::{probe_said, Hop, HopResult, McpAccess, McpInputs, McpRun};
pub use metadata::{
    auth_server_metadata_urls, challenge_metadata_url, read_auth_server, read_resource_metadata, AuthServer,
    MetadataError, ResourceMetadata,
};
pub use rpc::{read_rpc_answer, read_tools, rpc_request, RpcAnswer, RpcError, Tool, ToolList, MAX_EVENTS, MAX_TOOLS};

/// The scope ORDS's MCP server asks for (scope mode).
pub const MCP_SCOPE: &str = "urn:oracle:dbtools:ords:mcpserver:all";
/// The MCP protocol versions ORDS 26.2 speaks (streamable HTTP), newest first.
pub const PROTOCOL_VERSIONS: [&str; 2] = ["2025-11-25", "2025-06-18"];
/// The path of the server on the ORDS host (not under `/ords`).
pub const MCP_PATH: &str = "/mcp";
/// Where RFC 9728 puts the metadata of a resource at `/mcp`.
pub const RESOURCE_METADATA_PATH: &str = "/.well-known/oauth-protected-resource/mcp";
/// A metadata document or answer larger than this is not read.
pub const MAX_DOCUMENT: usize = 256 * 1024;
/// JSON nested deeper than this is not read.
pub const MAX_DEPTH: usize = 64;

#[cfg(test)]
mod tests;
