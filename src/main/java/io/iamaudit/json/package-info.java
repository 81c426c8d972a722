/**
 * The project's Jackson configuration, built in one place: one mapper per purpose (compact JSON, indented JSON for
 * files people open, the staging store's JSON, YAML, the kebab-case templates). A leaf package: it depends on Jackson
 * only, so every other package may use it.
 */
package io.iamaudit.json;
