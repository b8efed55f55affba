using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// L1 constructs map to CloudFormation by convention, derived and not listed: a class
    /// <c>Amazon.CDK.AWS.&lt;Svc&gt;.Cfn&lt;Res&gt;</c> deriving from <c>Amazon.CDK.CfnResource</c> is
    /// <c>AWS::&lt;Svc&gt;::&lt;Res&gt;</c>, and its props (and nested property types such as
    /// <c>CfnSecurityGroup.IngressProperty</c>) are the CloudFormation properties in jsii casing (<c>MultiAz</c> is
    /// <c>MultiAZ</c>; map look-ups ignore case). A user class deriving from an L1 class is that resource.
    /// <para>
    /// The exceptions, checked against every L1 class of Amazon.CDK.Lib 2.160.0 (1,213 resources, the CloudFormation
    /// type taken from each class's XML documentation):
    /// <list type="bullet">
    /// <item><c>SAM</c> is <c>AWS::Serverless</c>;</item>
    /// <item>the <c>KinesisAnalytics</c> classes ending in <c>V2</c> (<c>CfnApplicationV2</c>) are
    /// <c>AWS::KinesisAnalyticsV2::&lt;Res without V2&gt;</c>;</item>
    /// <item>namespaces whose casing differs from CloudFormation's (case only; look-ups ignore case, this only
    /// makes messages read right): <c>APIGateway</c>, <c>Apigatewayv2</c>, <c>Codestar</c>, <c>Ivs</c>,
    /// <c>Sagemaker</c>, <c>Servicecatalog</c>, <c>Servicecatalogappregistry</c>.</item>
    /// </list>
    /// </para>
    /// </summary>
    public static class L1Mapping
    {
        private static readonly Dictionary<string, string> ServiceNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SAM"] = "Serverless",
            ["APIGateway"] = "ApiGateway",
            ["Apigatewayv2"] = "ApiGatewayV2",
            ["Codestar"] = "CodeStar",
            ["Ivs"] = "IVS",
            ["Sagemaker"] = "SageMaker",
            ["Servicecatalog"] = "ServiceCatalog",
            ["Servicecatalogappregistry"] = "ServiceCatalogAppRegistry",
        };

        /// <summary>The CloudFormation type of an L1 class (or a class deriving from one), or null.</summary>
        public static string? CloudFormationType(INamedTypeSymbol type, CdkSymbols symbols)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (symbols.IsCdkType(t))
                {
                    var name = FromName(t);
                    return name != null && CdkSymbols.DerivesFrom(t, symbols.CfnResource) ? name : null;
                }
            }

            return null;
        }

        /// <summary>The convention on names alone: <c>Amazon.CDK.AWS.RDS.CfnDBInstance</c> → <c>AWS::RDS::DBInstance</c>.</summary>
        public static string? FromName(INamedTypeSymbol type)
        {
            if (type.ContainingType != null || type.Name.Length <= 3 || !type.Name.StartsWith("Cfn", StringComparison.Ordinal))
            {
                return null;
            }

            var service = type.ContainingNamespace;
            var aws = service?.ContainingNamespace;
            var cdk = aws?.ContainingNamespace;
            var amazon = cdk?.ContainingNamespace;
            if (service == null || aws?.Name != "AWS" || cdk?.Name != "CDK" || amazon?.Name != "Amazon" || amazon.ContainingNamespace?.IsGlobalNamespace != true)
            {
                return null;
            }

            return FromNames(service.Name, type.Name);
        }

        /// <summary>The convention on the namespace segment and class name (exposed for tests).</summary>
        public static string FromNames(string serviceNamespace, string className)
        {
            var resource = className.Substring(3);
            var service = ServiceNames.TryGetValue(serviceNamespace, out var renamed) ? renamed : serviceNamespace;
            if (serviceNamespace == "KinesisAnalytics" && resource.EndsWith("V2", StringComparison.Ordinal))
            {
                service = "KinesisAnalyticsV2";
                resource = resource.Substring(0, resource.Length - 2);
            }

            return "AWS::" + service + "::" + resource;
        }
    }
}
