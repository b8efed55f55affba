namespace IacAnalyzers.Iam
{
    /// <summary>An action's access level, as the AWS Service Authorization Reference classifies it.</summary>
    public enum AccessLevel : byte
    {
        List,
        Read,
        Write,
        /// <summary>Changes who may do what (IAM policies, resource policies, grants). The Reference lists these as "Permissions management, Write".</summary>
        PermissionsManagement,
        /// <summary>Tags and untags. The Reference lists these as "Tagging, Write".</summary>
        Tagging,
    }

    /// <summary>One AWS action from the IAM knowledge table.</summary>
    public readonly struct IamAction
    {
        internal IamAction(string service, string name, AccessLevel level, bool supportsResourceLevelPermissions)
        {
            Service = service;
            Name = name;
            Level = level;
            SupportsResourceLevelPermissions = supportsResourceLevelPermissions;
        }

        /// <summary>The service prefix, e.g. <c>s3</c>.</summary>
        public string Service { get; }

        /// <summary>The action name in AWS's spelling, e.g. <c>PutBucketPolicy</c>.</summary>
        public string Name { get; }

        public AccessLevel Level { get; }

        /// <summary>
        /// True when the action has resource types, so a statement's <c>Resource</c> could name ARNs instead of <c>"*"</c>.
        /// False for actions that only accept <c>Resource: "*"</c> (e.g. <c>ec2:DescribeInstances</c>, <c>s3:ListAllMyBuckets</c>).
        /// </summary>
        public bool SupportsResourceLevelPermissions { get; }

        /// <summary>Write or permissions management: the levels that change something.</summary>
        public bool IsWriteOrPermissionsManagement => Level == AccessLevel.Write || Level == AccessLevel.PermissionsManagement;

        /// <summary><c>service:Action</c>.</summary>
        public string FullName => Service + ":" + Name;

        public override string ToString() => FullName;
    }

    /// <summary>Why an AWS managed policy counts as admin-like (see tools/iam-data/generate.mjs for the criterion).</summary>
    public enum AdminPolicyKind : byte
    {
        /// <summary>An unconditioned Allow of every action on every resource (<c>AdministratorAccess</c>).</summary>
        FullAccess,
        /// <summary>An unconditioned Allow of every action except a NotAction list, on every resource (<c>PowerUserAccess</c>).</summary>
        AllButListed,
        /// <summary>Unconditioned IAM actions on every resource that let the holder grant itself anything (<c>IAMFullAccess</c>).</summary>
        IamPrivilegeEscalation,
    }

    /// <summary>What an action pattern such as <c>s3:Put*</c> grants, counted by access level. Unknown services count nothing.</summary>
    public readonly struct ActionPatternSummary
    {
        internal ActionPatternSummary(int list, int read, int write, int permissions, int tagging, int scopableWrites, string? firstPermissions, string? firstWrite)
        {
            List = list;
            Read = read;
            Write = write;
            PermissionsManagement = permissions;
            Tagging = tagging;
            ScopableWriteOrPermissionsManagement = scopableWrites;
            FirstPermissionsManagementAction = firstPermissions;
            FirstWriteAction = firstWrite;
        }

        public int List { get; }

        public int Read { get; }

        public int Write { get; }

        public int PermissionsManagement { get; }

        public int Tagging { get; }

        /// <summary>Write or permissions-management actions that support resource-level permissions.</summary>
        public int ScopableWriteOrPermissionsManagement { get; }

        /// <summary>The first matching permissions-management action (in name order), for messages.</summary>
        public string? FirstPermissionsManagementAction { get; }

        /// <summary>The first matching write action (in name order), for messages.</summary>
        public string? FirstWriteAction { get; }

        public int Count => List + Read + Write + PermissionsManagement + Tagging;

        /// <summary>False when the pattern matched no known action (unknown service or action): then nothing is known.</summary>
        public bool IsKnown => Count > 0;

        /// <summary>Matches only List and Read actions.</summary>
        public bool IsReadOnly => Count > 0 && List + Read == Count;

        /// <summary>Matches only List actions.</summary>
        public bool IsListOnly => Count > 0 && List == Count;

        public bool GrantsWriteOrPermissionsManagement => Write + PermissionsManagement > 0;
    }
}
