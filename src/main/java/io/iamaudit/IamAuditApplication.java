package io.iamaudit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IamAuditApplication {
    public static void main(String[] args) {
    }
}
