//! `#[ffi_type]`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, LitStr};

use crate::options::{derives, has_repr};

#[derive(Default)]
struct Options {
    opaque: bool,
    transparent: bool,
    packed: bool,
    error: Option<Span>,
    skip: Vec<Ident>,
}

fn parse_options(attr: TokenStream) -> syn::Result<Options> {
    let mut options = Options::default();
    let parser = syn::meta::parser(|meta| {
        let path = &meta.path;
        if path.is_ident("opaque") {
            options.opaque = true;
        } else if path.is_ident("transparent") {
            options.transparent = true;
        } else if path.is_ident("packed") {
            options.packed = true;
        } else if path.is_ident("error") {
            options.error = Some(meta.path.get_ident().map_or_else(Span::call_site, Ident::span));
        } else if path.is_ident("name") {
            let name: LitStr = meta.value()?.parse()?;
            if syn::parse_str::<Ident>(&name.value()).is_err() {
                return Err(syn::Error::new(name.span(), "`name` must be an identifier, e.g. `name = \"Point\"`"));
            }
        } else if path.is_ident("skip") {
            meta.parse_nested_meta(|field| {
                let ident = field.path.get_ident().cloned().ok_or_else(|| field.error("write the field's name, e.g. `skip(marker)`"))?;
                options.skip.push(ident);
                Ok(())
            })?;
        } else if path.is_ident("patterns") {
            // Interoptopus' spelling of `error`.
            meta.parse_nested_meta(|pattern| {
                if pattern.path.is_ident("ffi_error") {
                    options.error = Some(pattern.path.get_ident().map_or_else(Span::call_site, Ident::span));
                    Ok(())
                } else {
                    Err(pattern.error("the only type pattern is `ffi_error`; write `#[ffi_type(error)]`"))
                }
            })?;
        } else {
            return Err(meta.error(
                "unknown `ffi_type` option; expected `opaque`, `transparent`, `packed`, `error`, `name = \"…\"` or `skip(field)`",
            ));
        }
        Ok(())
    });
    syn::parse::Parser::parse2(parser, attr)?;
    Ok(options)
}

pub fn expand(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let options = parse_options(attr)?;
    let mut input: DeriveInput = syn::parse2(item)?;
    let name = &input.ident;
    if options.transparent && options.packed {
        return Err(syn::Error::new(name.span(), "`transparent` and `packed` exclude each other; choose one"));
    }
    if options.opaque && (options.transparent || options.packed) {
        return Err(syn::Error::new(name.span(), "an `opaque` type has no layout to make `transparent` or `packed`"));
    }
    if options.transparent && !matches!(input.data, Data::Struct(_)) {
        return Err(syn::Error::new(name.span(), "only a struct can be `transparent`"));
    }
    check_skipped_fields(&input, &options.skip)?;

    let repr = if has_repr(&input.attrs) || options.opaque {
        quote! {}
    } else if options.transparent {
        quote! { #[repr(transparent)] }
    } else if options.packed {
        quote! { #[repr(C, packed)] }
    } else {
        quote! { #[repr(C)] }
    };

    let mut extra = quote! {};
    if let Some(span) = options.error {
        extra = error_impl(&mut input, span)?;
    }
    Ok(quote! {
        #repr
        #input
        #extra
    })
}

fn check_skipped_fields(input: &DeriveInput, skip: &[Ident]) -> syn::Result<()> {
    let fields: Vec<String> = match &input.data {
        Data::Struct(s) => s.fields.iter().enumerate().map(|(i, f)| f.ident.as_ref().map_or_else(|| i.to_string(), Ident::to_string)).collect(),
        Data::Union(u) => u.fields.named.iter().filter_map(|f| f.ident.as_ref().map(Ident::to_string)).collect(),
        Data::Enum(_) => Vec::new(),
    };
    for ident in skip {
        if matches!(input.data, Data::Enum(_)) {
            return Err(syn::Error::new(ident.span(), "`skip` applies to struct fields; an enum has none to skip"));
        }
        if !fields.contains(&ident.to_string()) {
            return Err(syn::Error::new(ident.span(), format!("no field `{ident}` in `{}`; `skip` names a field of this type", input.ident)));
        }
    }
    Ok(())
}

/// `impl FfiError`, after checking the variants the contract needs; adds `Clone, Copy` if missing.
fn error_impl(input: &mut DeriveInput, span: Span) -> syn::Result<TokenStream> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(span, "`error` applies to a C-like enum with variants `Ok`, `Null` and `Panic`"));
    };
    if let Some(v) = data.variants.iter().find(|v| !matches!(v.fields, Fields::Unit)) {
        return Err(syn::Error::new(v.ident.span(), "an `error` enum holds no data: make this variant a plain name (e.g. `Fail = 3`)"));
    }
    let find = |names: &[&str]| data.variants.iter().find(|v| names.iter().any(|n| v.ident == n)).map(|v| v.ident.clone());
    let success = find(&["Ok", "Success"]);
    let null = find(&["Null"]);
    let panic = find(&["Panic"]);
    let missing: Vec<&str> = [(success.is_none(), "`Ok` (or `Success`)"), (null.is_none(), "`Null`"), (panic.is_none(), "`Panic`")]
        .into_iter()
        .filter_map(|(absent, label)| absent.then_some(label))
        .collect();
    if !missing.is_empty() {
        let message = format!("an `error` enum needs variants `Ok` (or `Success`), `Null` and `Panic`; add {}", missing.join(", "));
        return Err(syn::Error::new(input.ident.span(), message));
    }
    let name = &input.ident;
    let mut derive = Vec::new();
    if !derives(&input.attrs, "Clone") {
        derive.push(quote! { Clone });
    }
    if !derives(&input.attrs, "Copy") {
        derive.push(quote! { Copy });
    }
    if !derive.is_empty() {
        input.attrs.push(syn::parse_quote! { #[derive(#(#derive),*)] });
    }
    Ok(quote! {
        impl ::interopc::FfiError for #name {
            const SUCCESS: Self = #name::#success;
            const NULL: Self = #name::#null;
            const PANIC: Self = #name::#panic;
        }
    })
}
