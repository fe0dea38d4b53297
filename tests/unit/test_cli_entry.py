"""The program's entry reads the window's options without building the commands'
parsers: what it reads is what the whole parser reads, and anything else (a command, a
request for help, a mistake) goes to the whole parser."""

from __future__ import annotations

import pytest

from tracker.cli import build_parser, window_arguments


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--db", "văn phòng.db"],
        ["--db", "a.db", "--user", "huyen", "--lang", "en"],
        ["--demo"],
        ["--db-url", "postgresql+psycopg://lan@127.0.0.1/tracker", "--lang", "vi"],
        ["--user=admin", "--db=b.db"],
    ],
)
def test_the_windows_options_are_read_as_the_whole_parser_reads_them(words: list[str]) -> None:
    args = window_arguments(words)
    assert args is not None
    assert vars(args) == vars(build_parser().parse_args(words))


@pytest.mark.parametrize(
    "words",
    [
        ["visits", "--db", "a.db"],
        ["--db", "a.db", "receipt", "BM-0001"],
        ["--help"],
        ["-h"],
        ["--lang", "fr"],
        ["--db"],
        ["--no-such-option"],
    ],
)
def test_a_command_help_or_mistake_goes_to_the_whole_parser(words: list[str]) -> None:
    assert window_arguments(words) is None


def test_a_mistake_is_said_with_the_whole_usage(capsys: pytest.CaptureFixture[str]) -> None:
    from tracker.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--lang", "fr"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "COMMAND" in err and "invalid choice: 'fr'" in err
