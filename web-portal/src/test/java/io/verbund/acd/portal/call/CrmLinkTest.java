package io.verbund.acd.portal.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrmLinkTest {

    @Test
    void fillsTheTemplateWithEncodedValues() {
        assertThat(CrmLink.of("https://crm.example.org/search?phone={caller}&line={serviceNumber}&ref={callId}",
                "+49301234567", "+4930500100", "1-23@127.0.0.1"))
                .isEqualTo("https://crm.example.org/search?phone=%2B49301234567&line=%2B4930500100&ref=1-23%40127.0.0.1");
    }

    @Test
    void aCallerCannotBendTheLinkAndNoTemplateMeansNoLink() {
        assertThat(CrmLink.of("https://crm.example.org/c?p={caller}", "x&admin=1", null, "c")).isEqualTo("https://crm.example.org/c?p=x%26admin%3D1");
        assertThat(CrmLink.of(null, "+49", "+49", "c")).isNull();
    }
}
