//! Stage 1, read, markup: a forgiving tokenizer for the HTML and XML that ERP web clients save
//! as ".xls" (tags, text, entities), and the text encoding such a file declares. It never fails:
//! broken markup gives fewer or odder tokens, never an error or a panic.

/// One piece of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// A start tag (`<td a="1">`, or `<br/>` with `empty`): its local name in lower case (any
    /// `prefix:` dropped) and the raw text of its attributes.
    Start {
        name: String,
        attrs: &'a str,
        empty: bool,
    },
    /// An end tag, its local name in lower case.
    End(String),
    /// Text between tags, entities not yet decoded.
    Text(&'a str),
}

/// Splits `text` into tags and text, skipping comments, `<!…>` and `<?…?>`; the content of
/// `<script>` and `<style>` is skipped too.
pub(super) fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    Tokens { rest: text }
}

struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let Some(lt) = self.rest.find('<') else {
                let text = self.rest;
                self.rest = "";
                return Some(Token::Text(text));
            };
            if lt > 0 {
                let text = &self.rest[..lt];
                self.rest = &self.rest[lt..];
                return Some(Token::Text(text));
            }
            let after = &self.rest[1..];
            if let Some(body) = after.strip_prefix("!--") {
                self.rest = body.find("-->").map_or("", |e| &body[e + 3..]);
                continue;
            }
            if let Some(body) = after.strip_prefix("![CDATA[") {
                let end = body.find("]]>").unwrap_or(body.len());
                self.rest = body.get(end + 3..).unwrap_or("");
                return Some(Token::Text(&body[..end]));
            }
            if after.starts_with('!') || after.starts_with('?') {
                self.rest = after.find('>').map_or("", |e| &after[e + 1..]);
                continue;
            }
            let Some(gt) = tag_end(after) else {
                // A lone '<' is text.
                let text = &self.rest[..1];
                self.rest = after;
                return Some(Token::Text(text));
            };
            let inner = &after[..gt];
            let (raw_name, attrs) = inner
                .split_once(|c: char| c.is_whitespace() || c == '/')
                .map_or((inner, ""), |(n, a)| (n, a));
            if let Some(name) = inner.strip_prefix('/') {
                self.rest = &after[gt + 1..];
                return Some(Token::End(local_name(name.trim())));
            }
            if !raw_name.starts_with(|c: char| c.is_alphabetic()) {
                // Not a tag ("a < b"): the '<' is text.
                let text = &self.rest[..1];
                self.rest = after;
                return Some(Token::Text(text));
            }
            self.rest = &after[gt + 1..];
            let name = local_name(raw_name);
            let empty = inner.trim_end().ends_with('/');
            if !empty && (name == "script" || name == "style") {
                let close = format!("</{name}");
                let at = self
                    .rest
                    .as_bytes()
                    .windows(close.len())
                    .position(|w| w.eq_ignore_ascii_case(close.as_bytes()));
                self.rest = at.map_or("", |e| &self.rest[e..]);
            }
            return Some(Token::Start {
                name,
                attrs: attrs.trim_end_matches('/'),
                empty,
            });
        }
    }
}

/// Where the tag that starts `after` (just past its `<`) ends: the first `>` outside quotes.
fn tag_end(after: &str) -> Option<usize> {
    let mut quote = None;
    // A tag longer than this is no tag (and a stray quote cannot make every '<' scan to the end).
    for (i, c) in after.char_indices().take(1 << 16) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            (None, '<') if i > 0 => return None,
            _ => {}
        }
    }
    None
}

fn local_name(raw: &str) -> String {
    raw.rsplit(':').next().unwrap_or(raw).to_ascii_lowercase()
}

/// The value of attribute `key` (matched without letter case, `prefix:` ignored) in the raw
/// attribute text of a start tag, entities decoded.
pub(super) fn attr(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let value = if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start();
            match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = v[1..].find(q).map_or(v.len(), |e| e + 1);
                    rest = v.get(end + 1..).unwrap_or("");
                    &v[1..end]
                }
                _ => {
                    let end = v.find(char::is_whitespace).unwrap_or(v.len());
                    rest = &v[end..];
                    &v[..end]
                }
            }
        } else {
            ""
        };
        if name
            .rsplit(':')
            .next()
            .unwrap_or(name)
            .eq_ignore_ascii_case(key)
        {
            return Some(unescape(value));
        }
        if name.is_empty() {
            // Stray characters: step past one.
            let mut chars = rest.chars();
            chars.next()?;
            rest = chars.as_str();
        }
    }
}

/// Text with its character references decoded (`&amp;`, `&#39;`, `&#x4E2D;`, `&nbsp;` …);
/// an unknown or broken reference stays as written.
pub(super) fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c == '&' || c.is_whitespace() || c == '<')
            .map(|e| e + 1);
        let decoded = end
            .filter(|&e| rest[e..].starts_with(';'))
            .and_then(|e| entity(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ensp" | "emsp" | "thinsp" => ' ',
        "yen" => '¥',
        "middot" => '·',
        "mdash" => '—',
        "ndash" => '–',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "hellip" => '…',
        "times" => '×',
        "copy" => '©',
        _ => return None,
    })
}

/// The encoding a markup file declares near its start: `<meta charset=…>`,
/// `content="…; charset=…"` or `<?xml … encoding="…"?>`.
pub(super) fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head: String = head
        .iter()
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    for key in ["charset=", "encoding="] {
        let mut from = 0;
        while let Some(at) = head[from..].find(key) {
            let value = head[from + at + key.len()..].trim_start_matches(['"', '\'', ' ']);
            let end = value
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(value.len());
            if let Some(enc) = encoding_rs::Encoding::for_label(&value.as_bytes()[..end]) {
                return Some(enc);
            }
            from += at + key.len();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_text_and_entities() {
        let got: Vec<Token> = tokens(
            "<!-- c --><TR><td class='a>b' x=1>A&amp;B</td><br/><style>td{}</style><ss:Cell/>",
        )
        .collect();
        assert_eq!(
            got,
            vec![
                Token::Start {
                    name: "tr".into(),
                    attrs: "",
                    empty: false
                },
                Token::Start {
                    name: "td".into(),
                    attrs: "class='a>b' x=1",
                    empty: false
                },
                Token::Text("A&amp;B"),
                Token::End("td".into()),
                Token::Start {
                    name: "br".into(),
                    attrs: "",
                    empty: true
                },
                Token::Start {
                    name: "style".into(),
                    attrs: "",
                    empty: false
                },
                Token::End("style".into()),
                Token::Start {
                    name: "cell".into(),
                    attrs: "",
                    empty: true
                },
            ]
        );
        assert_eq!(
            unescape("A&amp;B &#20013;&#x6587; &bogus; a&b"),
            "A&B 中文 &bogus; a&b"
        );
        assert_eq!(
            attr("ss:Index=\"3\" colspan=2", "index").as_deref(),
            Some("3")
        );
        assert_eq!(
            attr("ss:Index=\"3\" colspan=2", "COLSPAN").as_deref(),
            Some("2")
        );
        assert_eq!(attr("nowrap colspan=2", "colspan").as_deref(), Some("2"));
    }

    #[test]
    fn declared_encodings() {
        let gbk = declared_encoding(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
        );
        assert_eq!(gbk, Some(encoding_rs::GBK));
        let xml = declared_encoding(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assert_eq!(xml, Some(encoding_rs::UTF_8));
        assert_eq!(declared_encoding(b"<html>"), None);
    }
}
