using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>A CloudFormation template read from one file: its resources as views, and what could not be read.</summary>
    public sealed class Template
    {
        public Template(string path, IReadOnlyList<ResourceView> resources, IReadOnlyList<TemplateError> errors)
        {
            Path = path;
            Resources = resources;
            Errors = errors;
        }

        public string Path { get; }

        public IReadOnlyList<ResourceView> Resources { get; }

        public IReadOnlyList<TemplateError> Errors { get; }
    }

    /// <summary>A reason a template (or part of it) could not be read, at the position it concerns.</summary>
    public sealed class TemplateError
    {
        public TemplateError(string message, SourceLocation location)
        {
            Message = message;
            Location = location;
        }

        public string Message { get; }

        public SourceLocation Location { get; }
    }
}
