using VNetLab.Model;

namespace VNetLab.Diagnostics;

// VNL0xxx: input and import. Errors in this family make the input unusable (exit code 2);
// warnings say what the importer skipped or assumed.
public static partial class DiagnosticCatalog
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor MalformedJson = new(
            "VNL0001", DiagnosticSeverity.Error, null, "Malformed JSON",
            "The file is not valid JSON: {detail} (line {line}, position {position}).",
            "Fix the JSON syntax at line {line}, position {position}; `python3 -m json.tool FILE` shows the same spot.",
            "CONTRACT.md: the estate");

        public static readonly DiagnosticDescriptor FileTooLarge = new(
            "VNL0002", DiagnosticSeverity.Error, null, "Input file too large",
            "The file is {size} bytes, larger than the {limit}-byte limit; it was not read.",
            "Split the export into several files (one per resource group or subscription) and pass the folder.",
            "issue #2: files over 512 MiB are refused, not loaded");

        public static readonly DiagnosticDescriptor PathNotFound = new(
            "VNL0003", DiagnosticSeverity.Error, null, "Input path not found or unreadable",
            "The path cannot be read: {detail}.",
            "Check the path; pass files or folders holding *.json, *.yaml or *.yml.",
            "CONTRACT.md: the estate");

        public static readonly DiagnosticDescriptor InvalidAddressPrefix = new(
            "VNL0004", DiagnosticSeverity.Error, "InvalidAddressPrefixFormat", "Invalid address prefix",
            "Address prefix {prefix} of resource {resourceId} is not formatted correctly. It should follow CIDR notation, for example 10.0.0.0/24.",
            "Write the prefix as a.b.c.d/n with n from 0 to 32 (or an IPv6 prefix), e.g. 10.0.0.0/24.",
            "constraints.md 2.1");

        public static readonly DiagnosticDescriptor InvalidIpAddress = new(
            "VNL0005", DiagnosticSeverity.Error, null, "Invalid IP address",
            "'{value}' is not an IP address.",
            "Write a dotted IPv4 address such as 10.0.0.4 (four decimal parts, no leading zeros) or an IPv6 address.",
            "CONTRACT.md: the estate");

        public static readonly DiagnosticDescriptor WrongFieldType = new(
            "VNL0006", DiagnosticSeverity.Error, null, "Field of the wrong type",
            "Expected {expected} but found {actual}.",
            "Give this field {expected}, as the ARM API does.",
            "azure/arm-api.md Appendix B (model fields)");

        public static readonly DiagnosticDescriptor MissingRequiredField = new(
            "VNL0007", DiagnosticSeverity.Error, null, "Required field missing",
            "The {type} has no '{field}'.",
            "Add '{field}'; the twin cannot model the resource without it.",
            "azure/arm-api.md Appendix B (model fields)");

        public static readonly DiagnosticDescriptor DuplicateResourceId = new(
            "VNL0008", DiagnosticSeverity.Error, null, "Duplicate resource id",
            "The resource id {resourceId} is defined again here; it was first defined at {first}.",
            "Remove one of the two definitions (ARM ids are case-insensitive) or rename one resource.",
            "CONTRACT.md: resource IDs compare case-insensitively");

        public static readonly DiagnosticDescriptor UnknownResourceType = new(
            "VNL0009", DiagnosticSeverity.Warning, null, "Resource type not modelled",
            "The type '{type}' is not modelled by VNetLab; the resource was skipped.",
            "Nothing to do if the resource does not affect networking; otherwise open an issue naming the type.",
            "CONTRACT.md: types understood");

        public static readonly DiagnosticDescriptor UnresolvedReference = new(
            "VNL0010", DiagnosticSeverity.Error, null, "Reference to a resource not in the estate",
            "{property} refers to {target}, which is not in the estate.",
            "Add the referenced resource to the input (export its resource group too) or correct the id.",
            "DESIGN.md: the estate records unresolved references");

        public static readonly DiagnosticDescriptor InvalidEnumValue = new(
            "VNL0011", DiagnosticSeverity.Error, null, "Value not allowed",
            "'{value}' is not an allowed value; expected one of: {allowed}.",
            "Use one of: {allowed}.",
            "azure/arm-api.md Appendix B (enum values)");

        public static readonly DiagnosticDescriptor NoInputFiles = new(
            "VNL0012", DiagnosticSeverity.Error, null, "No input files",
            "No *.json, *.yaml or *.yml file was found under {path}.",
            "Pass the folder or files that hold the exported resources.",
            "CONTRACT.md: the estate");

        public static readonly DiagnosticDescriptor TemplateExpressionNotEvaluated = new(
            "VNL0013", DiagnosticSeverity.Warning, null, "Template expression not evaluated",
            "The template expression {expression} could not be evaluated offline; {consequence}.",
            "Give the value as a literal, or as a parameter default value, so the twin can read it.",
            "CONTRACT.md: ARM templates with literal values");

        public static readonly DiagnosticDescriptor UnsupportedDocument = new(
            "VNL0014", DiagnosticSeverity.Error, null, "Not an estate document",
            "The document is valid JSON but none of the forms VNetLab reads: {detail}.",
            "Give one resource object, an array of them, an object with a 'value' or 'data' array, or an ARM deployment template.",
            "CONTRACT.md: the estate (four input forms)");

        public static readonly DiagnosticDescriptor InvalidResourceId = new(
            "VNL0015", DiagnosticSeverity.Error, null, "Invalid resource id",
            "'{value}' is not an ARM resource id.",
            "Use the form /subscriptions/{subscription}/resourceGroups/{group}/providers/{namespace}/{type}/{name}.",
            "azure/arm-api.md §2 (resource ids)");

        public static readonly DiagnosticDescriptor ChildWithoutParent = new(
            "VNL0016", DiagnosticSeverity.Error, null, "Child resource without its parent",
            "The {type} {resourceId} belongs to {parent}, which is not in the estate.",
            "Add the parent resource to the input, or give the child inline in its parent's properties.",
            "CONTRACT.md: child resources may be inline or separate");

        public static readonly DiagnosticDescriptor NonCanonicalPrefix = new(
            "VNL0017", DiagnosticSeverity.Warning, null, "Prefix with host bits set",
            "{prefix} has host bits set; the twin reads it as {canonical} for analysis, but Azure rejects it (see VNL1002).",
            "Write {canonical}.",
            "constraints.md 2.2");
    }

    public static Diagnostic MalformedJson(SourceLocation at, string detail, long line, long position) =>
        Create(Descriptors.MalformedJson, null, at, ("detail", detail), ("line", line), ("position", position));

    public static Diagnostic FileTooLarge(SourceLocation at, long size, long limit) =>
        Create(Descriptors.FileTooLarge, null, at, ("size", size), ("limit", limit));

    public static Diagnostic PathNotFound(SourceLocation at, string detail) =>
        Create(Descriptors.PathNotFound, null, at, ("detail", detail));

    public static Diagnostic InvalidAddressPrefix(SourceLocation at, ResourceId? resourceId, string prefix) =>
        Create(Descriptors.InvalidAddressPrefix, resourceId, at, ("prefix", prefix), ("resourceId", resourceId));

    public static Diagnostic InvalidIpAddress(SourceLocation at, ResourceId? resourceId, string value) =>
        Create(Descriptors.InvalidIpAddress, resourceId, at, ("value", value));

    public static Diagnostic WrongFieldType(SourceLocation at, ResourceId? resourceId, string expected, string actual) =>
        Create(Descriptors.WrongFieldType, resourceId, at, ("expected", expected), ("actual", actual));

    public static Diagnostic MissingRequiredField(SourceLocation at, ResourceId? resourceId, string type, string field) =>
        Create(Descriptors.MissingRequiredField, resourceId, at, ("type", type), ("field", field));

    public static Diagnostic DuplicateResourceId(SourceLocation at, ResourceId resourceId, SourceLocation? first) =>
        Create(Descriptors.DuplicateResourceId, resourceId, at, ("resourceId", resourceId), ("first", first?.ToString() ?? "an earlier file"));

    public static Diagnostic UnknownResourceType(SourceLocation at, ResourceId? resourceId, string type) =>
        Create(Descriptors.UnknownResourceType, resourceId, at, ("type", type));

    public static Diagnostic UnresolvedReference(UnresolvedReference reference) =>
        Create(Descriptors.UnresolvedReference, reference.From, reference.Source,
            ("property", reference.Property), ("target", reference.Target));

    public static Diagnostic InvalidEnumValue(SourceLocation at, ResourceId? resourceId, string value, IEnumerable<string> allowed) =>
        Create(Descriptors.InvalidEnumValue, resourceId, at, ("value", value), ("allowed", string.Join(", ", allowed)));

    public static Diagnostic NoInputFiles(SourceLocation at, string path) =>
        Create(Descriptors.NoInputFiles, null, at, ("path", path));

    public static Diagnostic TemplateExpressionNotEvaluated(SourceLocation at, ResourceId? resourceId, string expression, string consequence) =>
        Create(Descriptors.TemplateExpressionNotEvaluated, resourceId, at, ("expression", expression), ("consequence", consequence));

    public static Diagnostic UnsupportedDocument(SourceLocation at, string detail) =>
        Create(Descriptors.UnsupportedDocument, null, at, ("detail", detail));

    public static Diagnostic InvalidResourceId(SourceLocation at, string value) =>
        Create(Descriptors.InvalidResourceId, null, at, ("value", value));

    public static Diagnostic ChildWithoutParent(SourceLocation at, ResourceId resourceId, string type) =>
        Create(Descriptors.ChildWithoutParent, resourceId, at, ("type", type), ("resourceId", resourceId), ("parent", resourceId.Parent));

    public static Diagnostic NonCanonicalPrefix(SourceLocation at, ResourceId? resourceId, string prefix, string canonical) =>
        Create(Descriptors.NonCanonicalPrefix, resourceId, at, ("prefix", prefix), ("canonical", canonical));
}
