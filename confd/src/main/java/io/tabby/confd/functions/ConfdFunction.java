package io.tabby.confd.functions;

import freemarker.template.TemplateModelException;

/** The body of one template function: unwrapped arguments in, a plain Java value (or {@code null}) out. */
@FunctionalInterface
interface ConfdFunction {
    Object apply(Args args) throws TemplateModelException;
}
