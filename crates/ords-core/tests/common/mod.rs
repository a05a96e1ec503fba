//! Shared by the integration tests: a recording HTTP server and a SQL*Plus script reader.
#![allow(dead_code)] // each test file uses its own part

pub mod recorder;
pub mod sqlplus;
