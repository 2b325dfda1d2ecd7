/**
 * The message template model and its parser.
 *
 * <p>{@link slnet.codegen.template.TemplateParser} reads Linden Lab's {@code message_template.msg}
 * (version 2.0) into an immutable {@link slnet.codegen.template.MessageTemplate};
 * {@link slnet.codegen.template.MessageRoutingReader} reads {@code message.xml}, which says
 * which messages travel over the event queue and which only a trusted sender may send.
 * All types here are immutable and thread-safe.
 */
package slnet.codegen.template;
