"""The OpenAPI document: every operation may answer with an RFC 9457 problem."""

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["type", "title", "status"],
}

READ_PROBLEMS = {
    "400": "Invalid query parameters",
    "401": "No or invalid credentials",
    "403": "The caller's role or token scope does not allow this",
    "404": "No such sheet, or not one the caller may see",
    "406": "Only JSON can be produced",
    "429": "Too many requests for this token",
}
WRITE_PROBLEMS = {
    **READ_PROBLEMS,
    "400": "Invalid input; `errors` holds the messages per field",
    "409": "The sheet's state or version does not allow this now",
    "415": "The body must be JSON",
}


def add_problem_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    content = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            problems = READ_PROBLEMS if method == "get" else WRITE_PROBLEMS
            responses = operation.setdefault("responses", {})
            for code, description in problems.items():
                responses.setdefault(code, {"description": description, "content": content})
    return result
