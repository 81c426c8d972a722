package io.iamaudit.publish;

/**
 * An object of the output store exists (or may exist) but cannot be read: the run stops before publishing rather
 * than treat it as absent and reset history. The message is one line naming the object and the error (AWS's error
 * code for S3).
 */
public class StoreReadException extends RuntimeException {
    public StoreReadException(String message) {
        super(message);
    }
}
