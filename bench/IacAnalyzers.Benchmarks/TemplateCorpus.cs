using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// A folder's worth of realistic templates, generated deterministically: hand-written YAML stacks (parameters,
    /// conditions, short-form intrinsics, comments, anchors) and cdk.out-style JSON (logical ids with hashes, long forms,
    /// metadata), mixing the resource types the rules read with the many they do not.
    /// </summary>
    public static class TemplateCorpus
    {
        public static IReadOnlyList<(string Path, string Text)> Generate(int count, int seed = 7)
        {
            var random = new Random(seed);
            var files = new List<(string, string)>(count);
            for (var i = 0; i < count; i++)
            {
                var resources = 3 + (int)(Math.Pow(random.NextDouble(), 2) * 120);
                files.Add(i % 3 == 2
                    ? ("cdk.out/Stack" + i + ".template.json", Json(random, resources))
                    : ("infra/stack" + i + ".yaml", Yaml(random, resources)));
            }

            return files;
        }

        /// <summary>One YAML stack of at least <paramref name="lines"/> lines (the generator's mix of resources).</summary>
        public static string YamlOfLines(int lines, int seed = 7)
        {
            for (var resources = lines / 12; ; resources += Math.Max(1, resources / 10))
            {
                var text = Yaml(new Random(seed), resources);
                if (text.Count(c => c == '\n') >= lines)
                {
                    return text;
                }
            }
        }

        /// <summary>Additional files that are not templates: appsettings, k8s manifests, package.json.</summary>
        public static IReadOnlyList<(string Path, string Text)> NonTemplates(int count)
        {
            var files = new List<(string, string)>(count);
            for (var i = 0; i < count; i++)
            {
                switch (i % 3)
                {
                    case 0:
                        files.Add(("appsettings." + i + ".json", "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\" } },\n  \"ConnectionStrings\": { \"Db\": \"Server=db;Database=app\" },\n  \"AllowedHosts\": \"*\"\n}\n"));
                        break;
                    case 1:
                        files.Add(("k8s/deploy" + i + ".yaml", string.Concat(Enumerable.Repeat("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.2\n          resources:\n            limits: { cpu: 500m, memory: 256Mi }\n---\n", 8))));
                        break;
                    default:
                        files.Add(("web/package" + i + ".json", "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\",\n  \"scripts\": { \"build\": \"tsc\" },\n  \"dependencies\": { \"aws-cdk-lib\": \"2.160.0\", \"constructs\": \"10.0.5\" }\n}\n"));
                        break;
                }
            }

            return files;
        }

        private static string Yaml(Random random, int resources)
        {
            var sb = new StringBuilder();
            sb.Append("AWSTemplateFormatVersion: \"2010-09-09\"\n");
            sb.Append("Description: Generated service stack for benchmarks # realistic header\n");
            sb.Append("Parameters:\n  Env:\n    Type: String\n    Default: dev\n    AllowedValues: [dev, prod]\n");
            sb.Append("  DbMultiAz:\n    Type: String\n    Default: \"false\"\n  AdminCidr:\n    Type: String\n    Default: 10.0.0.0/8\n");
            sb.Append("Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n");
            sb.Append("Mappings:\n  Sizes:\n    dev: { Class: db.t3.micro, Storage: 20 }\n    prod: { Class: db.r6g.large, Storage: 200 }\n");
            sb.Append("Resources:\n");

            // References name an earlier resource of the right type, or a literal where there is none yet: a valid
            // template (no cycle, no missing target), which CloudFormation and the peers' loaders (CfnInclude) accept.
            string? sg = null, role = null, fn = null, queue = null;
            for (var r = 0; r < resources; r++)
            {
                var name = "Res" + r.ToString(CultureInfo.InvariantCulture);
                var kind = random.Next(10);
                switch (kind)
                {
                    case 0:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::RDS::DBInstance\n    DeletionPolicy: Snapshot\n    Properties:\n");
                        sb.Append("      Engine: postgres\n      DBInstanceClass: !FindInMap [Sizes, dev, Class]\n      AllocatedStorage: \"20\"\n");
                        sb.Append("      MultiAZ: ").Append(random.Next(3) == 0 ? "!Ref DbMultiAz" : random.Next(2) == 0 ? "!If [IsProd, true, false]" : "true").Append('\n');
                        sb.Append("      StorageEncrypted: true\n      Tags:\n        - Key: env\n          Value: !Ref Env\n");
                        break;
                    case 1:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: !Sub '${Env} web tier'\n      VpcId: vpc-0123456789\n      SecurityGroupIngress:\n");
                        sb.Append("        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: !Ref AdminCidr\n");
                        break;
                    case 2:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: ").Append(sg != null ? "!GetAtt " + sg + ".GroupId" : "sg-0a1b2c3d4e5f60718").Append("\n      IpProtocol: tcp\n      FromPort: 5432\n      ToPort: 5432\n      SourceSecurityGroupId: ").Append(sg != null ? "!Ref " + sg : "sg-0a1b2c3d4e5f60719").Append("\n");
                        break;
                    case 3:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: \"2012-10-17\"\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n");
                        sb.Append("      ManagedPolicyArns:\n        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n      Policies:\n        - PolicyName: app\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: [s3:GetObject, s3:PutObject]\n                Resource: !Sub arn:aws:s3:::bucket-${Env}/*\n");
                        break;
                    case 4:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub app-${Env}-").Append(r).Append("\n      VersioningConfiguration: { Status: Enabled }\n      PublicAccessBlockConfiguration: &pab\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n");
                        break;
                    case 5:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Role: ").Append(role != null ? "!GetAtt " + role + ".Arn" : "arn:aws:iam::123456789012:role/app").Append("\n      Code:\n        ZipFile: |\n          import json\n          def handler(event, context):\n              return {\"statusCode\": 200, \"body\": json.dumps(event)}\n      Environment:\n        Variables:\n          ENV: !Ref Env\n          TABLE: !Join ['-', [app, !Ref Env, table]]\n");
                        break;
                    case 6:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '${AWS::StackName}-q").Append(r).Append("'\n      VisibilityTimeout: 60\n      RedrivePolicy: { deadLetterTargetArn: ").Append(queue != null ? "!GetAtt " + queue + ".Arn" : "arn:aws:sqs:eu-west-1:123456789012:dlq").Append(", maxReceiveCount: 5 }\n");
                        break;
                    case 7:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions:\n        - { AttributeName: pk, AttributeType: S }\n        - { AttributeName: sk, AttributeType: S }\n      KeySchema:\n        - { AttributeName: pk, KeyType: HASH }\n        - { AttributeName: sk, KeyType: RANGE }\n");
                        break;
                    case 8:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: !Select [0, !GetAZs '']\n      Size: 100\n      Encrypted: ").Append(random.Next(2) == 0 ? "true" : "false").Append('\n');
                        break;
                    default:
                        sb.Append("  ").Append(name).Append(":\n    Type: AWS::CloudWatch::Alarm\n    Condition: IsProd\n    Properties:\n      MetricName: Errors\n      Namespace: AWS/Lambda\n      Statistic: Sum\n      Period: 60\n      EvaluationPeriods: 1\n      Threshold: 1\n      ComparisonOperator: GreaterThanOrEqualToThreshold\n      Dimensions: [{ Name: FunctionName, Value: ").Append(fn != null ? "!Ref " + fn : "app-handler").Append(" }]\n");
                        break;
                }

                switch (kind)
                {
                    case 1: sg = name; break;
                    case 3: role = name; break;
                    case 5: fn = name; break;
                    case 6: queue = name; break;
                }
            }

            sb.Append("Outputs:\n  Env:\n    Value: !Ref Env\n");
            return sb.ToString();
        }

        private static string Json(Random random, int resources)
        {
            var sb = new StringBuilder("{\n \"Resources\": {\n");
            string? sg = null, role = null;
            for (var r = 0; r < resources; r++)
            {
                var id = "Construct" + r.ToString(CultureInfo.InvariantCulture) + random.Next(0x10000000, int.MaxValue).ToString("X8", CultureInfo.InvariantCulture);
                sb.Append("  \"").Append(id).Append("\": {\n");
                var kind = random.Next(6);
                switch (kind)
                {
                    case 0:
                        sb.Append("   \"Type\": \"AWS::RDS::DBInstance\",\n   \"Properties\": {\n    \"AllocatedStorage\": \"100\",\n    \"CopyTagsToSnapshot\": true,\n    \"DBInstanceClass\": \"db.t3.micro\",\n    \"Engine\": \"postgres\",\n    \"MultiAZ\": false,\n    \"StorageEncrypted\": true,\n    \"VPCSecurityGroups\": [ ").Append(sg != null ? "{ \"Fn::GetAtt\": [ \"" + sg + "\", \"GroupId\" ] }" : "\"sg-0a1b2c3d4e5f60718\"").Append(" ]\n   },\n   \"UpdateReplacePolicy\": \"Snapshot\",\n   \"DeletionPolicy\": \"Snapshot\",\n");
                        break;
                    case 1:
                        sb.Append("   \"Type\": \"AWS::IAM::Role\",\n   \"Properties\": {\n    \"AssumeRolePolicyDocument\": { \"Statement\": [ { \"Action\": \"sts:AssumeRole\", \"Effect\": \"Allow\", \"Principal\": { \"Service\": \"lambda.amazonaws.com\" } } ], \"Version\": \"2012-10-17\" },\n    \"ManagedPolicyArns\": [ { \"Fn::Join\": [ \"\", [ \"arn:\", { \"Ref\": \"AWS::Partition\" }, \":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\" ] ] } ]\n   },\n");
                        break;
                    case 2:
                        sb.Append("   \"Type\": \"AWS::EC2::SecurityGroup\",\n   \"Properties\": {\n    \"GroupDescription\": \"Stack/Sg\",\n    \"SecurityGroupEgress\": [ { \"CidrIp\": \"0.0.0.0/0\", \"Description\": \"Allow all outbound traffic by default\", \"IpProtocol\": \"-1\" } ],\n    \"SecurityGroupIngress\": [ { \"CidrIp\": \"0.0.0.0/0\", \"Description\": \"from 0.0.0.0/0:443\", \"FromPort\": 443, \"IpProtocol\": \"tcp\", \"ToPort\": 443 } ],\n    \"VpcId\": \"vpc-0a1b2c3d4e5f60718\"\n   },\n");
                        break;
                    case 3:
                        sb.Append("   \"Type\": \"AWS::Lambda::Function\",\n   \"Properties\": {\n    \"Code\": { \"S3Bucket\": { \"Fn::Sub\": \"cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}\" }, \"S3Key\": \"3f8b1c0e6a2d4b5c9e7f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d.zip\" },\n    \"Handler\": \"index.handler\",\n    \"Role\": ").Append(role != null ? "{ \"Fn::GetAtt\": [ \"" + role + "\", \"Arn\" ] }" : "\"arn:aws:iam::123456789012:role/app\"").Append(",\n    \"Runtime\": \"nodejs20.x\"\n   },\n");
                        break;
                    case 4:
                        sb.Append("   \"Type\": \"AWS::S3::Bucket\",\n   \"Properties\": {\n    \"BucketEncryption\": { \"ServerSideEncryptionConfiguration\": [ { \"ServerSideEncryptionByDefault\": { \"SSEAlgorithm\": \"AES256\" } } ] },\n    \"Tags\": [ { \"Key\": \"aws-cdk:auto-delete-objects\", \"Value\": \"true\" } ]\n   },\n   \"UpdateReplacePolicy\": \"Retain\",\n   \"DeletionPolicy\": \"Retain\",\n");
                        break;
                    default:
                        sb.Append("   \"Type\": \"AWS::SQS::Queue\",\n   \"Properties\": { \"VisibilityTimeout\": 300 },\n   \"UpdateReplacePolicy\": \"Delete\",\n   \"DeletionPolicy\": \"Delete\",\n");
                        break;
                }

                sg = kind == 2 ? id : sg;
                role = kind == 1 ? id : role;
                sb.Append("   \"Metadata\": {\n    \"aws:cdk:path\": \"Stack/Construct").Append(r).Append("/Resource\"\n   }\n  }").Append(r < resources - 1 ? ",\n" : "\n");
            }

            sb.Append(" },\n \"Parameters\": {\n  \"BootstrapVersion\": { \"Type\": \"AWS::SSM::Parameter::Value<String>\", \"Default\": \"/cdk-bootstrap/hnb659fds/version\" }\n }\n}\n");
            return sb.ToString();
        }
    }
}
