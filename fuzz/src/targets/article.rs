use redaksi_article::front_matter;

use super::now;

/// The `.md` file form: any bytes either parse or give an error that points at a line of the
/// file, and what parses survives a write and a second parse unchanged (so a round trip
/// through Redaksi never alters a file's data).
pub fn article(data: &[u8]) {
    let article = match front_matter::parse_bytes(data, now()) {
        Ok(article) => article,
        Err(err) => {
            let lines = lines(data);
            assert!(
                (1..=lines).contains(&err.line()),
                "the error points at line {} of a {lines}-line file: {err}",
                err.line()
            );
            return;
        }
    };
    let written = front_matter::write(&article);
    let again = front_matter::parse(&written, now())
        .unwrap_or_else(|err| panic!("Redaksi cannot read the file it wrote: {err}\n{written}"));
    assert_eq!(
        again, article,
        "a round trip changed the article:\n{written}"
    );
}

/// Lines as YAML and editors count them: `\r\n`, a lone `\r` and `\n` each end one.
fn lines(data: &[u8]) -> usize {
    let breaks = data
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && data.get(i + 1) != Some(&b'\n')))
        .count();
    breaks + 1
}
