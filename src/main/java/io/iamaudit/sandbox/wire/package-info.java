/**
 * The wire side of the sandbox: requests as received, responses as sent, AWS errors, the three protocols' encodings
 * (query/XML, JSON 1.1, REST-JSON), pagination tokens and timestamp formats.
 */
package io.iamaudit.sandbox.wire;
