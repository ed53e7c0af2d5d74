using Microsoft.AspNetCore.Http.HttpResults;

namespace Monitoring.Web.Api;

/// <summary>The API's refusals: a problem document (RFC 9457) whose <c>detail</c> says what was wrong and what to write.</summary>
public static class ApiProblem
{
    public static ProblemHttpResult Of(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);

    public static ProblemHttpResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, detail);
}
