//! `#[ffi_function]`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Abi, ItemFn, LitStr, ReturnType};

use crate::options::has_symbol_attribute;

enum Policy {
    /// By return type: an `FfiError` enum returns `PANIC`, anything else aborts.
    ByReturnType,
    FfiError,
    ReturnDefault,
    Abort,
}

fn parse_policy(attr: TokenStream) -> syn::Result<Policy> {
    let mut policy = Policy::ByReturnType;
    let parser = syn::meta::parser(|meta| {
        if !meta.path.is_ident("on_panic") {
            return Err(meta.error("unknown `ffi_function` option; the only one is `on_panic = \"ffi_error\" | \"return_default\" | \"abort\"`"));
        }
        let value: LitStr = meta.value()?.parse()?;
        policy = match value.value().as_str() {
            "ffi_error" => Policy::FfiError,
            "return_default" => Policy::ReturnDefault,
            "abort" => Policy::Abort,
            other => return Err(syn::Error::new(value.span(), format!("unknown panic policy `{other}`; write `\"ffi_error\"`, `\"return_default\"` or `\"abort\"`"))),
        };
        Ok(())
    });
    syn::parse::Parser::parse2(parser, attr)?;
    Ok(policy)
}

pub fn expand(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let policy = parse_policy(attr)?;
    let mut f: ItemFn = syn::parse2(item)?;
    let sig = &f.sig;
    if !sig.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(&sig.generics, "an exported function cannot be generic; write one function per type (or a generic helper they call)"));
    }
    if let Some(a) = &sig.asyncness {
        return Err(syn::Error::new(a.span, "an exported function cannot be `async`; block on the future inside it"));
    }
    if let Some(v) = &sig.variadic {
        return Err(syn::Error::new_spanned(v, "an exported Rust function cannot be variadic"));
    }
    if let Some(abi) = &sig.abi {
        let name = abi.name.as_ref().map(LitStr::value).unwrap_or_else(|| "C".to_owned());
        if name != "C" && name != "system" {
            return Err(syn::Error::new_spanned(abi, format!("`extern \"{name}\"` cannot be exported; write `extern \"C\"` or leave the ABI out")));
        }
    }
    f.sig.abi = Some(Abi { extern_token: Default::default(), name: Some(LitStr::new("C", Span::call_site())) });
    let name = f.sig.ident.to_string();
    let returns = match &f.sig.output {
        ReturnType::Default => quote! { () },
        ReturnType::Type(_, t) => quote! { #t },
    };
    let body = &f.block;
    let guarded = match policy {
        Policy::ByReturnType => quote! {{
            #[allow(unused_imports)]
            use ::interopc::__private::{GuardByAbort as _, GuardByError as _};
            (&::interopc::__private::Returns::<#returns>::NEW).guard(#name, move || -> #returns #body)
        }},
        Policy::FfiError => quote! {{ ::interopc::__private::guard_error::<#returns>(move || -> #returns #body) }},
        Policy::ReturnDefault => quote! {{ ::interopc::__private::guard_default::<#returns>(move || -> #returns #body) }},
        Policy::Abort => quote! {{ ::interopc::__private::guard_abort::<#returns>(#name, move || -> #returns #body) }},
    };
    f.block = syn::parse2(guarded)?;
    let symbol = if has_symbol_attribute(&f.attrs) { quote! {} } else { quote! { #[unsafe(no_mangle)] } };
    Ok(quote! {
        #symbol
        #f
    })
}
