/**
 * The rule catalog: one small class per check, its metadata in its constructor, its tests in a class of the same
 * name plus {@code Test}. {@link io.iamaudit.analyze.rules.Rules#all()} lists them.
 */
package io.iamaudit.analyze.rules;
