/**
 * One handler per AWS service the sandbox serves (IAM, STS, Organizations, Access Analyzer), each answering in its
 * service's protocol, plus the small response writers they share.
 */
package io.iamaudit.sandbox.handler;
