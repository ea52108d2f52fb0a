//! `#[ffi_service]`: `extern "C"` shims over an opaque handle, following `contracts.md` §5.
//!
//! With prefix `P` and error enum `E`: a constructor becomes `E P<name>(T** out, args…)`, the
//! destructor `E Pdestroy(T** handle)`, a method `E P<name>(self, args…)` when it returns
//! `Result<(), E>`, `E P<name>(self, args…, U* out)` for `Result<U, E>`, and `U P<name>(self, args…)`
//! otherwise. A null handle gives `E::NULL` where the shim returns `E`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{FnArg, GenericArgument, GenericParam, ImplItem, ImplItemFn, ItemImpl, LitStr, Pat, Path, PathArguments, ReturnType, Type, Visibility};

struct Options {
    error: Path,
    prefix: Option<String>,
}

fn parse_options(attr: TokenStream) -> syn::Result<Options> {
    let mut error = None;
    let mut prefix = None;
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("error") {
            let value: LitStr = meta.value()?.parse()?;
            error = Some(value.parse::<Path>().map_err(|_| syn::Error::new(value.span(), "`error` names the error enum, e.g. `error = \"FFIError\"`"))?);
        } else if meta.path.is_ident("prefix") {
            prefix = Some(meta.value()?.parse::<LitStr>()?.value());
        } else {
            return Err(meta.error("unknown `ffi_service` option; expected `error = \"…\"` or `prefix = \"…\"`"));
        }
        Ok(())
    });
    syn::parse::Parser::parse2(parser, attr)?;
    let error = error.ok_or_else(|| syn::Error::new(Span::call_site(), "a service needs its error enum: `#[ffi_service(error = \"FFIError\")]`"))?;
    Ok(Options { error, prefix })
}

#[derive(Clone, Copy, PartialEq)]
enum Policy {
    Default,
    FfiError,
    ReturnDefault,
    Abort,
}

enum Role {
    Ctor,
    Method(Policy),
    Ignored,
}

/// Reads and removes the item's `#[ffi_service_ctor]` / `#[ffi_service_method(…)]`.
fn take_role(method: &mut ImplItemFn) -> syn::Result<Role> {
    let mut role = None;
    let mut error = None;
    method.attrs.retain(|a| {
        if a.path().is_ident("ffi_service_ctor") {
            role = Some(Role::Ctor);
            return false;
        }
        if a.path().is_ident("ffi_service_method") {
            let mut policy = Policy::Default;
            let mut ignored = false;
            let result = a.parse_nested_meta(|meta| {
                if meta.path.is_ident("ignore") {
                    ignored = true;
                    return Ok(());
                }
                if meta.path.is_ident("on_panic") {
                    let v: LitStr = meta.value()?.parse()?;
                    policy = match v.value().as_str() {
                        "ffi_error" => Policy::FfiError,
                        "return_default" => Policy::ReturnDefault,
                        "abort" => Policy::Abort,
                        other => return Err(syn::Error::new(v.span(), format!("unknown panic policy `{other}`; write `\"ffi_error\"`, `\"return_default\"` or `\"abort\"`"))),
                    };
                    return Ok(());
                }
                Err(meta.error("expected `ignore` or `on_panic = \"…\"`"))
            });
            if let Err(e) = result {
                error = Some(e);
            }
            role = Some(if ignored { Role::Ignored } else { Role::Method(policy) });
            return false;
        }
        true
    });
    if let Some(e) = error {
        return Err(e);
    }
    Ok(role.unwrap_or(Role::Method(Policy::Default)))
}

fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `Result<U, _>` → `Some(U)`.
fn result_ok_type(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Result" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    match args.args.first()? {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    }
}

/**
 * The type with every `'_` replaced by `'static`. A shim's handle is a raw pointer, so nothing ties
 * a borrowed result to it in Rust; the contract says such a result stays valid until the next call
 * on the service or its destruction.
 */
fn static_lifetimes(ty: &Type) -> TokenStream {
    fn walk(tokens: TokenStream) -> TokenStream {
        let mut out = Vec::new();
        let mut iter = tokens.into_iter().peekable();
        while let Some(tree) = iter.next() {
            match tree {
                proc_macro2::TokenTree::Punct(p) if p.as_char() == '\'' => {
                    if let Some(proc_macro2::TokenTree::Ident(i)) = iter.peek() {
                        if i == "_" {
                            let span = i.span();
                            iter.next();
                            out.push(proc_macro2::TokenTree::Punct(p));
                            out.push(proc_macro2::TokenTree::Ident(proc_macro2::Ident::new("static", span)));
                            continue;
                        }
                    }
                    out.push(proc_macro2::TokenTree::Punct(p));
                }
                proc_macro2::TokenTree::Group(g) => {
                    let mut group = proc_macro2::Group::new(g.delimiter(), walk(g.stream()));
                    group.set_span(g.span());
                    out.push(proc_macro2::TokenTree::Group(group));
                }
                other => out.push(other),
            }
        }
        out.into_iter().collect()
    }
    walk(quote! { #ty })
}

fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(t) if t.elems.is_empty())
}

pub fn expand(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let options = parse_options(attr)?;
    let mut block: ItemImpl = syn::parse2(item)?;
    if let Some((_, path, _)) = &block.trait_ {
        return Err(syn::Error::new_spanned(path, "`#[ffi_service]` goes on an inherent `impl Type { … }`, not a trait impl"));
    }
    if let Some(p) = block.generics.params.iter().find(|p| !matches!(p, GenericParam::Lifetime(_))) {
        return Err(syn::Error::new_spanned(p, "a service can have lifetime parameters only; type and const parameters cannot cross FFI"));
    }
    let self_ty = block.self_ty.clone();
    let type_name = match self_ty.as_ref() {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default(),
        other => return Err(syn::Error::new_spanned(other, "a service is a named type: `impl MyService { … }`")),
    };
    let prefix = options.prefix.clone().unwrap_or_else(|| format!("{}_", snake_case(&type_name)));
    let error = &options.error;
    let generics = &block.generics;
    let mut shims = Vec::new();
    let mut has_ctor = false;
    for item in &mut block.items {
        let ImplItem::Fn(method) = item else { continue };
        let role = take_role(method)?;
        if matches!(role, Role::Ignored) || !matches!(method.vis, Visibility::Public(_)) && !matches!(role, Role::Ctor) {
            continue;
        }
        let name = format_ident!("{}{}", prefix, method.sig.ident);
        let receiver = method.sig.receiver().cloned();
        // The shim's parameters: names and types only (a `mut` binding belongs to the method).
        let args: Vec<TokenStream> = method
            .sig
            .inputs
            .iter()
            .filter_map(|a| match a {
                FnArg::Typed(t) => {
                    let ty = &t.ty;
                    Some(match t.pat.as_ref() {
                        Pat::Ident(i) => {
                            let ident = &i.ident;
                            quote! { #ident: #ty }
                        }
                        other => quote! { #other: #ty },
                    })
                }
                FnArg::Receiver(_) => None,
            })
            .collect();
        let arg_names: Vec<TokenStream> = method
            .sig
            .inputs
            .iter()
            .filter_map(|a| match a {
                FnArg::Typed(t) => Some(match t.pat.as_ref() {
                    Pat::Ident(i) => {
                        let ident = &i.ident;
                        quote! { #ident }
                    }
                    other => syn::Error::new_spanned(other, "service method parameters need plain names").into_compile_error(),
                }),
                FnArg::Receiver(_) => None,
            })
            .collect();
        let fn_name = &method.sig.ident;
        match role {
            Role::Ctor => {
                has_ctor = true;
                if receiver.is_some() {
                    return Err(syn::Error::new_spanned(&method.sig, "a constructor takes no `self`; it returns `Self` or `Result<Self, Error>`"));
                }
                let construct = match &method.sig.output {
                    ReturnType::Type(_, t) if result_ok_type(t).is_some() => quote! { <#self_ty>::#fn_name(#(#arg_names),*) },
                    _ => quote! { Ok::<#self_ty, #error>(<#self_ty>::#fn_name(#(#arg_names),*)) },
                };
                shims.push(quote! {
                    #[unsafe(no_mangle)]
                    pub extern "C" fn #name #generics (out: *mut *mut #self_ty, #(#args),*) -> #error {
                        ::interopc::__private::guard_error::<#error>(move || {
                            if out.is_null() {
                                return <#error as ::interopc::FfiError>::NULL;
                            }
                            match #construct {
                                Ok(value) => {
                                    // SAFETY: `out` is non-null and points to writable storage for a pointer.
                                    unsafe { *out = ::std::boxed::Box::into_raw(::std::boxed::Box::new(value)) };
                                    <#error as ::interopc::FfiError>::SUCCESS
                                }
                                Err(e) => {
                                    unsafe { *out = ::std::ptr::null_mut() };
                                    e
                                }
                            }
                        })
                    }
                });
            }
            Role::Method(policy) => {
                let Some(receiver) = receiver else { continue };
                if receiver.reference.is_none() {
                    return Err(syn::Error::new_spanned(&receiver, "a service method takes `&self` or `&mut self`; `self` by value would consume the handle"));
                }
                let mutable = receiver.mutability.is_some();
                let (handle_ty, as_ref) = if mutable { (quote! { *mut #self_ty }, quote! { as_mut }) } else { (quote! { *const #self_ty }, quote! { as_ref }) };
                let output = match &method.sig.output {
                    ReturnType::Default => None,
                    ReturnType::Type(_, t) => Some(t.as_ref().clone()),
                };
                let call = quote! { this.#fn_name(#(#arg_names),*) };
                let shim = match output.as_ref().and_then(|t| result_ok_type(t).map(|ok| (t, ok))) {
                    Some((_, ok)) if is_unit(ok) => {
                        if policy == Policy::ReturnDefault {
                            return Err(syn::Error::new_spanned(&method.sig, "a method returning `Result` reports panics as the error's `Panic` value; remove `on_panic = \"return_default\"`"));
                        }
                        quote! {
                            #[unsafe(no_mangle)]
                            pub extern "C" fn #name #generics (this: #handle_ty, #(#args),*) -> #error {
                                ::interopc::__private::guard_error::<#error>(move || {
                                    // SAFETY: a non-null handle came from this service's constructor.
                                    let Some(this) = (unsafe { this.#as_ref() }) else { return <#error as ::interopc::FfiError>::NULL };
                                    <#error as ::interopc::FfiError>::from_result(#call)
                                })
                            }
                        }
                    }
                    Some((_, ok)) => {
                        let ok = static_lifetimes(ok);
                        quote! {
                        #[unsafe(no_mangle)]
                        pub extern "C" fn #name #generics (this: #handle_ty, #(#args,)* out: *mut #ok) -> #error {
                            ::interopc::__private::guard_error::<#error>(move || {
                                // SAFETY: a non-null handle came from this service's constructor.
                                let Some(this) = (unsafe { this.#as_ref() }) else { return <#error as ::interopc::FfiError>::NULL };
                                if out.is_null() {
                                    return <#error as ::interopc::FfiError>::NULL;
                                }
                                match #call {
                                    Ok(value) => {
                                        unsafe { out.write(value) };
                                        <#error as ::interopc::FfiError>::SUCCESS
                                    }
                                    Err(e) => e,
                                }
                            })
                        }
                        }
                    }
                    None => {
                        let returns = output.map_or_else(|| quote! { () }, |t| static_lifetimes(&t));
                        let message = format!("`{name}` was called with a null handle");
                        let guarded = match policy {
                            Policy::ReturnDefault => quote! { ::interopc::__private::guard_default::<#returns> },
                            Policy::FfiError => quote! { ::interopc::__private::guard_error::<#returns> },
                            Policy::Default | Policy::Abort => {
                                let n = name.to_string();
                                quote! { (|f| ::interopc::__private::guard_abort::<#returns>(#n, f)) }
                            }
                        };
                        quote! {
                            #[unsafe(no_mangle)]
                            pub extern "C" fn #name #generics (this: #handle_ty, #(#args),*) -> #returns {
                                #guarded(move || {
                                    // SAFETY: a non-null handle came from this service's constructor.
                                    let this = (unsafe { this.#as_ref() }).expect(#message);
                                    #call
                                })
                            }
                        }
                    }
                };
                shims.push(shim);
            }
            Role::Ignored => {}
        }
    }
    if !has_ctor {
        return Err(syn::Error::new_spanned(&block.self_ty, "a service needs a constructor: mark an associated fn returning `Self` or `Result<Self, Error>` with `#[ffi_service_ctor]`"));
    }
    let destroy = format_ident!("{}destroy", prefix);
    Ok(quote! {
        #block

        #(#shims)*

        /// Drops the service and nulls the handle; a null handle is `Null`, never a double free.
        #[unsafe(no_mangle)]
        pub extern "C" fn #destroy #generics (handle: *mut *mut #self_ty) -> #error {
            ::interopc::__private::guard_error::<#error>(move || {
                if handle.is_null() {
                    return <#error as ::interopc::FfiError>::NULL;
                }
                // SAFETY: `handle` is non-null; `*handle` is null or came from `Box::into_raw`.
                let inner = unsafe { *handle };
                if inner.is_null() {
                    return <#error as ::interopc::FfiError>::NULL;
                }
                unsafe {
                    *handle = ::std::ptr::null_mut();
                    drop(::std::boxed::Box::from_raw(inner));
                }
                <#error as ::interopc::FfiError>::SUCCESS
            })
        }
    })
}

/// `#[ffi_service_ctor]` / `#[ffi_service_method]` outside an `#[ffi_service]` impl.
pub fn stray(name: &str, item: TokenStream) -> TokenStream {
    let message = format!("`#[{name}]` marks a method inside an `#[ffi_service(error = \"…\")] impl`; put that attribute on the impl");
    let error = syn::Error::new(Span::call_site(), message).into_compile_error();
    quote! { #error #item }
}
