//! `ords-sim`: the simulated ORDS on loopback. Run `ords-sim --help` for the flags.

use ords_sim::{cli, scenarios, server, Sim};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match cli::parse_command(&args) {
        Ok(cli::Command::Run(options)) => *options,
        Ok(cli::Command::Help) => {
            print!("{}", cli::USAGE);
            return;
        }
        Ok(cli::Command::ListScenarios) => {
            print!("{}", scenarios::listing());
            return;
        }
        Err(message) => {
            eprintln!("ords-sim: {message}\n\n{}", cli::USAGE);
            std::process::exit(2);
        }
    };
    let listener = TcpListener::bind(options.listen).unwrap_or_else(|e| {
        eprintln!("ords-sim: cannot listen on {}: {e}", options.listen);
        std::process::exit(1);
    });
    let address = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
    if !options.listen.ip().is_loopback() {
        eprintln!(
            "ords-sim: WARNING: listening on {address}, beyond this machine: anyone on this network can reach it. \
             Its credentials are public demo values; never put real data or secrets in it. Stop it after the workshop."
        );
    }
    let c = &options.config;
    let base = format!("http://{address}/ords/{}", c.alias);
    println!("ords-sim listening on http://{address}");
    println!("  Token URL     {base}/oauth/token");
    println!("  Resource URL  {base}/hr/employees/");
    for client in &c.clients {
        println!(
            "  client        {} : {}  (lifetime {} s)",
            client.client_id,
            client.secrets.join(" | "),
            client.token_lifetime_s
        );
    }
    for user in &c.users {
        println!("  Basic user    {} : {}", user.name, user.password);
    }
    println!("  CORS origins  {}", c.module_origins.join(", "));
    let j = &c.jwt;
    println!(
        "  IdP token URL http://{address}/idp/token  (client {} : {})",
        ords_sim::idp::IDP_CLIENT_ID,
        ords_sim::idp::IDP_CLIENT_SECRET
    );
    println!(
        "  JWT profile   issuer {}  audience {}  JWK set http://{address}/idp/jwks  skew {} s  privilege {}",
        j.profile.issuer,
        j.profile.audience,
        j.profile.allowed_skew_s.unwrap_or(0),
        c.privileges.first().map_or("", |p| p.name.as_str())
    );
    if let Some(scenario) = options.scenario.and_then(scenarios::find) {
        println!("  Scenario      {}: {}", scenario.name, scenario.failure);
        println!("  Try           {}", scenario.try_it);
    }
    if let Some(root) = &options.doc_root {
        println!("  Doc root      {}  (files at http://{address}/...)", root.display());
    }
    let mut sim = Sim::new(options.config, server::os_seed());
    for pattern in &options.pars {
        let token = sim.define_par(pattern, "GET", options.par_seconds, server::now_ms());
        let pattern = pattern.trim_start_matches('/');
        println!("  PAR           {base}/_/par/{token}/{pattern}  (GET, {} s; no credentials)", options.par_seconds);
    }
    let sim = Arc::new(Mutex::new(sim));
    let limits = server::Limits { log_requests: options.log_requests, ..server::Limits::default() };
    server::serve_site(listener, sim, limits, options.doc_root);
}
