using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace TrainingApi.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "curriculum");

            migrationBuilder.EnsureSchema(
                name: "platform");

            migrationBuilder.EnsureSchema(
                name: "enrollment");

            migrationBuilder.EnsureSchema(
                name: "consultations");

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "platform",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    actor_role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    actor_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    operation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false),
                    trace_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                schema: "platform",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    completed = table.Column<bool>(type: "boolean", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    e_tag = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    body = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "jst",
                schema: "enrollment",
                columns: table => new
                {
                    teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    voivodeship_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    powiat_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    same_jst_as = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    search_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jst", x => x.teryt);
                });

            migrationBuilder.CreateTable(
                name: "legal_acts",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    citation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    last_amended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_acts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                schema: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    short_name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    is_project_partner = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_events",
                schema: "platform",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    audience_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rate_limit_counters",
                schema: "platform",
                columns: table => new
                {
                    bucket = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    hits = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_limit_counters", x => new { x.bucket, x.window_start });
                });

            migrationBuilder.CreateTable(
                name: "recruitments",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    max_participants_per_jst = table.Column<int>(type: "integer", nullable: false),
                    eligible_kinds = table.Column<List<string>>(type: "text[]", nullable: false),
                    selection_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rodo_clause_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    max_per_voivodeship = table.Column<int>(type: "integer", nullable: true),
                    max_per_kind = table.Column<int>(type: "integer", nullable: true),
                    allocated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_count = table.Column<int>(type: "integer", nullable: false),
                    waitlisted_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recruitments", x => x.id);
                    table.CheckConstraint("ck_recruitments_quota", "accepted_count >= 0 AND accepted_count <= capacity AND waitlisted_count >= 0");
                    table.CheckConstraint("ck_recruitments_window", "closes_at > opens_at");
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                schema: "platform",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    event_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    protected_secret = table.Column<byte[]>(type: "bytea", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    disabled_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "legal_act_amendments",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_act_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amending_citation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    amended_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    flagged_sections = table.Column<int>(type: "integer", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_act_amendments", x => x.id);
                    table.ForeignKey(
                        name: "fk_legal_act_amendments_legal_act_legal_act_id",
                        column: x => x.legal_act_id,
                        principalSchema: "curriculum",
                        principalTable: "legal_acts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                schema: "platform",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_keys_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalSchema: "consultations",
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "versions",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    based_on_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_versions_programmes_programme_id",
                        column: x => x.programme_id,
                        principalSchema: "curriculum",
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_versions_versions_based_on_version_id",
                        column: x => x.based_on_version_id,
                        principalSchema: "curriculum",
                        principalTable: "versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recruitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jst_teryt = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    waitlist_position = table.Column<int>(type: "integer", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rodo_clause_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    rodo_acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    schools_run = table.Column<int>(type: "integer", nullable: false),
                    has_digital_strategy = table.Column<bool>(type: "boolean", nullable: false),
                    motivation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: true),
                    score_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_recruitment_recruitment_id",
                        column: x => x.recruitment_id,
                        principalSchema: "enrollment",
                        principalTable: "recruitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cohorts",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recruitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohorts", x => x.id);
                    table.ForeignKey(
                        name: "fk_cohorts_recruitment_recruitment_id",
                        column: x => x.recruitment_id,
                        principalSchema: "enrollment",
                        principalTable: "recruitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                schema: "platform",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_response_code = table.Column<int>(type: "integer", nullable: true),
                    last_error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_outbox_events_event_id",
                        column: x => x.event_id,
                        principalSchema: "platform",
                        principalTable: "outbox_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_webhook_subscription_subscription_id",
                        column: x => x.subscription_id,
                        principalSchema: "platform",
                        principalTable: "webhook_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accessibility_waivers",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    finding_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    waived_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    waived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accessibility_waivers", x => x.id);
                    table.ForeignKey(
                        name: "fk_accessibility_waivers_programme_version_version_id",
                        column: x => x.version_id,
                        principalSchema: "curriculum",
                        principalTable: "versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sections",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    anchor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    markdown = table.Column<string>(type: "text", nullable: false),
                    html = table.Column<string>(type: "text", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    knowledge = table.Column<List<string>>(type: "text[]", nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    social_competences = table.Column<List<string>>(type: "text[]", nullable: false),
                    delivery_forms = table.Column<List<string>>(type: "text[]", nullable: false),
                    target_roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    authors = table.Column<List<string>>(type: "text[]", nullable: false),
                    review_needed = table.Column<bool>(type: "boolean", nullable: false),
                    review_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_sections_programme_version_version_id",
                        column: x => x.version_id,
                        principalSchema: "curriculum",
                        principalTable: "versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sections_sections_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "curriculum",
                        principalTable: "sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "version_transitions",
                schema: "curriculum",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    to = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_version_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_version_transitions_versions_version_id",
                        column: x => x.version_id,
                        principalSchema: "curriculum",
                        principalTable: "versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_participants_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "enrollment",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_applications",
                schema: "enrollment",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_applications", x => new { x.cohort_id, x.application_id });
                    table.ForeignKey(
                        name: "fk_cohort_applications_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "enrollment",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cohort_applications_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalSchema: "enrollment",
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "module_evaluations",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    module_anchor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    pre_score = table.Column<int>(type: "integer", nullable: true),
                    post_score = table.Column<int>(type: "integer", nullable: true),
                    satisfaction = table.Column<int>(type: "integer", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_module_evaluations", x => x.id);
                    table.CheckConstraint("ck_module_evaluations_satisfaction", "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_module_evaluations_scores", "(pre_score IS NULL OR pre_score BETWEEN 0 AND 100) AND (post_score IS NULL OR post_score BETWEEN 0 AND 100)");
                    table.ForeignKey(
                        name: "fk_module_evaluations_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalSchema: "enrollment",
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                schema: "enrollment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    module_anchor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    trainer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_sessions_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalSchema: "enrollment",
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "section_citations",
                schema: "curriculum",
                columns: table => new
                {
                    section_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_act_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_section_citations", x => new { x.section_id, x.legal_act_id });
                    table.ForeignKey(
                        name: "fk_section_citations_legal_acts_legal_act_id",
                        column: x => x.legal_act_id,
                        principalSchema: "curriculum",
                        principalTable: "legal_acts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_section_citations_section_section_id",
                        column: x => x.section_id,
                        principalSchema: "curriculum",
                        principalTable: "sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attendance",
                schema: "enrollment",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance", x => new { x.session_id, x.participant_id });
                    table.ForeignKey(
                        name: "fk_attendance_participants_participant_id",
                        column: x => x.participant_id,
                        principalSchema: "enrollment",
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attendance_training_sessions_session_id",
                        column: x => x.session_id,
                        principalSchema: "enrollment",
                        principalTable: "training_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "consultations",
                table: "organisations",
                columns: new[] { "id", "created_at", "is_project_partner", "kind", "name", "short_name", "teryt" },
                values: new object[,]
                {
                    { new Guid("0190a0b0-0000-7000-8000-000000000001"), new DateTimeOffset(new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), true, "NationalAssociation", "Związek Miast Polskich", "ZMP", null },
                    { new Guid("0190a0b0-0000-7000-8000-000000000002"), new DateTimeOffset(new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), false, "NationalAssociation", "Związek Powiatów Polskich", "ZPP", null },
                    { new Guid("0190a0b0-0000-7000-8000-000000000003"), new DateTimeOffset(new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), false, "NationalAssociation", "Związek Gmin Wiejskich Rzeczypospolitej Polskiej", "ZGWRP", null },
                    { new Guid("0190a0b0-0000-7000-8000-000000000004"), new DateTimeOffset(new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), false, "NationalAssociation", "Unia Metropolii Polskich im. Pawła Adamowicza", "UMP", null },
                    { new Guid("0190a0b0-0000-7000-8000-000000000005"), new DateTimeOffset(new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), false, "NationalAssociation", "Unia Miasteczek Polskich", "UMiP", null },
                    { new Guid("0190a0b0-0000-7000-8000-000000000006"), new DateTimeOffset(new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), false, "NationalAssociation", "Związek Województw Rzeczypospolitej Polskiej", "ZWRP", null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_accessibility_waivers_version_id_finding_id",
                schema: "curriculum",
                table: "accessibility_waivers",
                columns: new[] { "version_id", "finding_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_organisation_id_created_at",
                schema: "platform",
                table: "api_keys",
                columns: new[] { "organisation_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_prefix",
                schema: "platform",
                table: "api_keys",
                column: "prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_recruitment_id_submitted_at_id",
                schema: "enrollment",
                table: "applications",
                columns: new[] { "recruitment_id", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_waitlist",
                schema: "enrollment",
                table: "applications",
                columns: new[] { "recruitment_id", "waitlist_position" },
                filter: "status = 'Waitlisted'");

            migrationBuilder.CreateIndex(
                name: "ux_applications_one_active_per_jst",
                schema: "enrollment",
                table: "applications",
                columns: new[] { "recruitment_id", "jst_teryt" },
                unique: true,
                filter: "status NOT IN ('Withdrawn', 'Rejected')");

            migrationBuilder.CreateIndex(
                name: "ix_attendance_participant_id",
                schema: "enrollment",
                table: "attendance",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_subject",
                schema: "platform",
                table: "audit_entries",
                column: "actor_subject");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at_id",
                schema: "platform",
                table: "audit_entries",
                columns: new[] { "at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id",
                schema: "platform",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_applications_application_id",
                schema: "enrollment",
                table: "cohort_applications",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_recruitment_id_name",
                schema: "enrollment",
                table: "cohorts",
                columns: new[] { "recruitment_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_expires_at",
                schema: "platform",
                table: "idempotency_records",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_jst_search_name",
                schema: "enrollment",
                table: "jst",
                column: "search_name")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_jst_voivodeship_code_kind",
                schema: "enrollment",
                table: "jst",
                columns: new[] { "voivodeship_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_legal_act_amendments_legal_act_id_recorded_at",
                schema: "curriculum",
                table: "legal_act_amendments",
                columns: new[] { "legal_act_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_legal_acts_citation",
                schema: "curriculum",
                table: "legal_acts",
                column: "citation",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_legal_acts_created_at_id",
                schema: "curriculum",
                table: "legal_acts",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_module_evaluations_cohort_id_module_anchor",
                schema: "enrollment",
                table: "module_evaluations",
                columns: new[] { "cohort_id", "module_anchor" });

            migrationBuilder.CreateIndex(
                name: "ix_organisations_created_at_id",
                schema: "consultations",
                table: "organisations",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_organisations_name",
                schema: "consultations",
                table: "organisations",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_teryt",
                schema: "consultations",
                table: "organisations",
                column: "teryt",
                unique: true,
                filter: "teryt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_undispatched",
                schema: "platform",
                table: "outbox_events",
                column: "occurred_at",
                filter: "dispatched_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_participants_application_id",
                schema: "enrollment",
                table: "participants",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_participants_email",
                schema: "enrollment",
                table: "participants",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_created_at_id",
                schema: "curriculum",
                table: "programmes",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_rate_limit_counters_window_start",
                schema: "platform",
                table: "rate_limit_counters",
                column: "window_start");

            migrationBuilder.CreateIndex(
                name: "ix_recruitments_created_at_id",
                schema: "enrollment",
                table: "recruitments",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_section_citations_legal_act_id",
                schema: "curriculum",
                table: "section_citations",
                column: "legal_act_id");

            migrationBuilder.CreateIndex(
                name: "ix_sections_parent_id",
                schema: "curriculum",
                table: "sections",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_sections_review_needed",
                schema: "curriculum",
                table: "sections",
                column: "review_needed",
                filter: "review_needed");

            migrationBuilder.CreateIndex(
                name: "ix_sections_version_id_anchor",
                schema: "curriculum",
                table: "sections",
                columns: new[] { "version_id", "anchor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sections_version_id_parent_id_position",
                schema: "curriculum",
                table: "sections",
                columns: new[] { "version_id", "parent_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_cohort_id_starts_at",
                schema: "enrollment",
                table: "training_sessions",
                columns: new[] { "cohort_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_version_transitions_version_id_at",
                schema: "curriculum",
                table: "version_transitions",
                columns: new[] { "version_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_versions_based_on_version_id",
                schema: "curriculum",
                table: "versions",
                column: "based_on_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_versions_programme_id_created_at_id",
                schema: "curriculum",
                table: "versions",
                columns: new[] { "programme_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_versions_programme_id_label",
                schema: "curriculum",
                table: "versions",
                columns: new[] { "programme_id", "label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_due",
                schema: "platform",
                table: "webhook_deliveries",
                column: "next_attempt_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_event_id",
                schema: "platform",
                table: "webhook_deliveries",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_subscription_id_created_at",
                schema: "platform",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_subscriptions_organisation_id_created_at",
                schema: "platform",
                table: "webhook_subscriptions",
                columns: new[] { "organisation_id", "created_at" });

            // The register of all JST (GUS TERC, 2024-01-01), as frozen beside this migration.
            migrationBuilder.Sql(JstRegisterSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accessibility_waivers",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "api_keys",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "attendance",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "cohort_applications",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "idempotency_records",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "jst",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "legal_act_amendments",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "module_evaluations",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "rate_limit_counters",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "section_citations",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "version_transitions",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "webhook_deliveries",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "organisations",
                schema: "consultations");

            migrationBuilder.DropTable(
                name: "participants",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "training_sessions",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "legal_acts",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "sections",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "outbox_events",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "cohorts",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "versions",
                schema: "curriculum");

            migrationBuilder.DropTable(
                name: "recruitments",
                schema: "enrollment");

            migrationBuilder.DropTable(
                name: "programmes",
                schema: "curriculum");
        }
    }
}
