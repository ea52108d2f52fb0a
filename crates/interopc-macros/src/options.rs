//! Attribute options shared by the macros.

use proc_macro2::TokenStream;
use syn::{Attribute, Meta};

/// True when the item already says how it is laid out.
pub fn has_repr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("repr"))
}

/// True when `#[derive(…)]` on the item lists `name`.
pub fn derives(attrs: &[Attribute], name: &str) -> bool {
    attrs.iter().filter(|a| a.path().is_ident("derive")).any(|a| {
        let mut found = false;
        let _ = a.parse_nested_meta(|meta| {
            if meta.path.segments.last().is_some_and(|s| s.ident == name) {
                found = true;
            }
            Ok(())
        });
        found
    })
}

/// True when the attribute list has `#[no_mangle]`, `#[unsafe(no_mangle)]` or an `export_name`.
pub fn has_symbol_attribute(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        if a.path().is_ident("no_mangle") || a.path().is_ident("export_name") {
            return true;
        }
        if !a.path().is_ident("unsafe") {
            return false;
        }
        match &a.meta {
            Meta::List(list) => list.tokens.to_string().starts_with("no_mangle") || list.tokens.to_string().starts_with("export_name"),
            _ => false,
        }
    })
}

/// An empty attribute argument list, or an error at its first token.
pub fn expect_no_arguments(attr: TokenStream, name: &str) -> syn::Result<()> {
    if let Some(first) = attr.into_iter().next() {
        return Err(syn::Error::new(first.span(), format!("`#[{name}]` takes no arguments; write `#[{name}]`")));
    }
    Ok(())
}
