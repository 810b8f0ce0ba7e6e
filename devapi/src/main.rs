//! `vps-devapi`: run the simulator on 127.0.0.1.

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use vps_devapi::args;

#[tokio::main]
async fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(reason) if reason.is_empty() => {
            print!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(reason) => {
            eprintln!("vps-devapi: {reason}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    // Loopback only: the simulator accepts a well-known token and must not be reachable.
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let listener = match tokio::net::TcpListener::bind(address).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("vps-devapi: cannot listen on {address}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let bound = listener.local_addr().unwrap_or(address);
    println!("vps-devapi listening on http://{bound}/ (API at http://{bound}/api/v1/)");
    let app = vps_devapi::app(args);
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    match axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("vps-devapi: {error}");
            ExitCode::FAILURE
        }
    }
}
