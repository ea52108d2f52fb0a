//! `#[ffi_constant]` and `#[ffi_api_guard]`: markers interopc reads, checked here.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Item, ReturnType, Type};

use crate::options::expect_no_arguments;

pub fn constant(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    expect_no_arguments(attr, "ffi_constant")?;
    match syn::parse2::<Item>(item)? {
        Item::Const(c) => Ok(c.into_token_stream()),
        other => Err(syn::Error::new_spanned(other, "`#[ffi_constant]` marks a `const` item, e.g. `pub const LIMIT: u32 = 8;`")),
    }
}

pub fn api_guard(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    expect_no_arguments(attr, "ffi_api_guard")?;
    let Item::Fn(f) = syn::parse2::<Item>(item)? else {
        return Err(syn::Error::new(proc_macro2::Span::call_site(), "`#[ffi_api_guard]` marks a function returning `u64`"));
    };
    let returns_u64 = matches!(&f.sig.output, ReturnType::Type(_, t) if matches!(t.as_ref(), Type::Path(p) if p.path.is_ident("u64")));
    if !returns_u64 || !f.sig.inputs.is_empty() {
        return Err(syn::Error::new_spanned(&f.sig, "the API guard takes no arguments and returns `u64`: `pub fn api_guard() -> u64 { interopc_api::API_HASH }`"));
    }
    Ok(f.into_token_stream())
}
