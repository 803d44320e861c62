package dev.dora.ingest.generic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic API's field rules, one event type at a time; every problem is named. */
class GenericEventValidatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void minimalEventsOfEveryTypeAreValid() {
        assertThat(
                        problems(
                                """
                                [{"type": "deployment", "id": "d", "repo": "acme/x",
                                  "environment": "prod", "status": "in_progress"},
                                 {"type": "incident", "id": "i", "service": "x",
                                  "opened_at": "2026-03-02T11:00:00+02:00"},
                                 {"type": "change", "sha": "abc", "repo": "acme/x",
                                  "committed_at": "2026-03-01T16:20:00Z"},
                                 {"type": "service_created", "service": "x",
                                  "created_at": "2025-11-01T09:00:00Z"},
                                 {"type": "platform_request", "id": "r", "channel": "ticket",
                                  "requested_at": "2026-03-01T09:00:00Z"}]
                                """))
                .isEmpty();
    }

    @Test
    void singleObjectProblemsHaveNoIndex() {
        assertThat(problems("{\"type\": \"change\", \"sha\": \"abc\", \"repo\": \"r\"}"))
                .containsExactly("committed_at: missing");
    }

    @Test
    void finishedDeploymentNeedsAFinishTime() {
        assertThat(
                        problems(
                                """
                                {"type": "deployment", "id": "d", "service": "x",
                                 "environment": "prod", "status": "failure"}
                                """))
                .containsExactly("finished_at: missing (required when status is failure)");
    }

    @Test
    void everyStatusTheJobTakesIsAcceptedAndCancelledNeedsAFinishTime() {
        assertThat(
                        problems(
                                """
                                {"type": "deployment", "id": "d", "service": "x",
                                 "environment": "prod", "status": "pending"}
                                """))
                .isEmpty();
        assertThat(
                        problems(
                                """
                                {"type": "deployment", "id": "d", "service": "x",
                                 "environment": "prod", "status": "cancelled"}
                                """))
                .containsExactly("finished_at: missing (required when status is cancelled)");
    }

    @Test
    void deploymentNeedsServiceOrRepoAndWellFormedChanges() {
        assertThat(
                        problems(
                                """
                                {"type": "deployment", "id": 4711, "environment": "",
                                 "status": "success", "finished_at": "2026-03-02T10:04:10",
                                 "started_at": 1772445600, "pipeline": ["a"],
                                 "changes": [{"sha": "a", "committed_at": "2026-03-01T16:20:00Z"},
                                             "b", {"committed_at": "soon"}]}
                                """))
                .containsExactly(
                        "id: must be a string",
                        "service: missing (a deployment needs service or repo)",
                        "environment: must not be empty",
                        "started_at: not an ISO-8601 time with offset: 1772445600",
                        "finished_at: not an ISO-8601 time with offset: '2026-03-02T10:04:10'",
                        "pipeline: must be a string",
                        "changes[1]: must be an object",
                        "changes[2].sha: missing",
                        "changes[2].committed_at: not an ISO-8601 time with offset: 'soon'");
    }

    @Test
    void changesMustBeAnArray() {
        assertThat(
                        problems(
                                """
                                {"type": "deployment", "id": "d", "service": "x",
                                 "environment": "prod", "status": "queued", "changes": "abc"}
                                """))
                .containsExactly("changes: must be an array");
    }

    @Test
    void changePathsAreAnArrayOfNonEmptyStrings() {
        assertThat(
                        problems(
                                """
                                [{"type": "change", "sha": "a", "repo": "r",
                                  "committed_at": "2026-03-01T16:20:00Z",
                                  "paths": ["svc/a/App.java", " "]},
                                 {"type": "change", "sha": "b", "repo": "r",
                                  "committed_at": "2026-03-01T16:20:00Z", "paths": []},
                                 {"type": "change", "sha": "c", "repo": "r",
                                  "committed_at": "2026-03-01T16:20:00Z", "paths": "a,b"},
                                 {"type": "change", "sha": "d", "repo": "r",
                                  "committed_at": "2026-03-01T16:20:00Z", "paths": ["a", "", 3]}]
                                """))
                .containsExactly(
                        "[2].paths: must be an array",
                        "[3].paths[1]: must be a non-empty string",
                        "[3].paths[2]: must be a non-empty string");
    }

    @Test
    void incidentCauseNamesADeploymentOrACommit() {
        String incident =
                """
                [{"type": "incident", "id": "i", "service": "x",
                  "opened_at": "2026-03-02T11:00:00Z", "caused_by": {"sha": "abc"}},
                 {"type": "incident", "id": "i", "service": "x",
                  "opened_at": "2026-03-02T11:00:00Z", "caused_by": {}},
                 {"type": "incident", "id": "i", "service": "x",
                  "opened_at": "2026-03-02T11:00:00Z", "caused_by": "deploy-1"},
                 {"type": "incident", "resolved_at": "later"}]
                """;

        assertThat(problems(incident))
                .containsExactly(
                        "[1].caused_by: must have deployment_id or sha",
                        "[2].caused_by: must be an object",
                        "[3].id: missing",
                        "[3].service: missing",
                        "[3].opened_at: missing",
                        "[3].resolved_at: not an ISO-8601 time with offset: 'later'");
    }

    @Test
    void serviceCreatedAndPlatformRequestFields() {
        assertThat(
                        problems(
                                """
                                [{"type": "service_created"},
                                 {"type": "platform_request", "id": "r", "channel": "email",
                                  "requested_at": "2026-03-01", "fulfilled_at": null}]
                                """))
                .containsExactly(
                        "[0].service: missing",
                        "[0].created_at: missing",
                        "[1].channel: must be one of self_service, ticket",
                        "[1].requested_at: not an ISO-8601 time with offset: '2026-03-01'");
    }

    @Test
    void platformFieldsAreOptionalTextWhenPresent() {
        assertThat(
                        problems(
                                """
                                [{"type": "service_created", "service": "x",
                                  "created_at": "2025-11-01T09:00:00Z", "template": "java-service"},
                                 {"type": "platform_request", "id": "r", "channel": "self_service",
                                  "requested_at": "2026-03-01T09:00:00Z", "service": "x",
                                  "team": "payments", "kind": "database"},
                                 {"type": "service_created", "service": "y",
                                  "created_at": "2025-11-01T09:00:00Z", "template": 3},
                                 {"type": "platform_request", "id": "r", "channel": "ticket",
                                  "requested_at": "2026-03-01T09:00:00Z", "service": "",
                                  "team": ["a"], "kind": true}]
                                """))
                .containsExactly(
                        "[2].template: must be a string",
                        "[3].service: must not be empty",
                        "[3].team: must be a string",
                        "[3].kind: must be a string");
    }

    @Test
    void itemsThatAreNotObjectsAndMissingTypesAreNamed() {
        assertThat(problems("[1, {\"id\": \"x\", \"opened_at\": \"noon\"}, {\"type\": 3}]"))
                .containsExactly(
                        "[0]: must be an object",
                        "[1].type: missing",
                        "[1].opened_at: not an ISO-8601 time with offset: 'noon'",
                        "[2].type: must be a string");
    }

    @Test
    void unknownFieldsAreAllowed() {
        assertThat(
                        problems(
                                """
                                {"type": "change", "sha": "abc", "repo": "r", "pr": 812,
                                 "committed_at": "2026-03-01T16:20:00Z", "x-custom": {"a": 1}}
                                """))
                .isEmpty();
    }

    @Test
    void longInvalidValuesAreShortenedInTheAnswer() {
        String huge = "x".repeat(10_000);
        List<String> problems =
                problems(
                        "{\"type\": \"service_created\", \"service\": \"s\", \"created_at\": \""
                                + huge
                                + "\"}");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).hasSizeLessThan(200).endsWith("...");
    }

    private static List<String> problems(String json) {
        try {
            JsonNode body = MAPPER.readTree(json);
            return GenericEventValidator.problems(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
