//! What is generated from the command line: completion scripts for every
//! shell and the manual page, checked for every subcommand and flag, and what
//! `brief --help` says a bare `brief` does.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

use std::process::Command;

use clap::CommandFactory;

/// Every subcommand, with its long flags.
fn commands() -> Vec<(String, Vec<String>)> {
    brief::cli::Cli::command()
        .get_subcommands()
        .map(|sub| {
            let flags = sub
                .get_arguments()
                .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
                .collect();
            (sub.get_name().to_owned(), flags)
        })
        .collect()
}

#[test]
fn every_shell_completes_every_subcommand_and_flag() {
    let commands = commands();
    assert!(commands.len() >= 10, "{commands:?}");
    for shell in [
        clap_complete::Shell::Bash,
        clap_complete::Shell::Zsh,
        clap_complete::Shell::Fish,
        clap_complete::Shell::Elvish,
        clap_complete::Shell::PowerShell,
    ] {
        let script = String::from_utf8(brief::cli::completions(shell)).unwrap();
        for (name, flags) in &commands {
            assert!(script.contains(name.as_str()), "{shell}: no `{name}`");
            for flag in flags {
                // Fish names long flags without their dashes (`-l into`).
                let bare = flag.trim_start_matches('-');
                assert!(
                    script.contains(flag.as_str()) || script.contains(&format!("-l {bare}")),
                    "{shell}: no `{flag}` for `{name}`"
                );
            }
        }
    }
}

#[test]
fn the_man_page_documents_every_subcommand_and_flag() {
    let page = String::from_utf8(brief::cli::man().unwrap()).unwrap();
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "roff");
    for (name, flags) in commands() {
        assert!(
            page.contains(&format!(".TH brief-{name} 1")),
            "no section for {name}"
        );
        for flag in flags {
            let roff = flag.replace('-', "\\-");
            assert!(page.contains(&roff), "no {flag} for {name}");
        }
    }
}

#[test]
fn the_binary_prints_them_and_help_says_what_a_bare_brief_does() {
    let brief = env!("CARGO_BIN_EXE_brief");
    let out = Command::new(brief)
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("complete -F"));
    let out = Command::new(brief).arg("man").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(".SH NAME"));
    let out = Command::new(brief)
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
    let out = Command::new(brief).arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("A bare `brief` opens the library of ./briefings/"),
        "{help}"
    );
}
