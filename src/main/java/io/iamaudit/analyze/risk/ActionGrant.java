package io.iamaudit.analyze.risk;

import java.util.List;

/**
 * How one action is granted to a principal once Deny and its permissions boundary are applied.
 *
 * @param everyResource granted on every resource of its kind ({@code *}, {@code NotResource}, or an ARN that names
 *                      no specific resource such as {@code arn:aws:iam::*:role/*})
 * @param resources     the resource patterns it is confined to when not {@code everyResource}
 */
public record ActionGrant(String action, boolean everyResource, List<String> resources) {
    public ActionGrant {
        resources = List.copyOf(resources);
    }
}
