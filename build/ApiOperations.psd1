# The OpenAI Administration API as this project describes it: every operation, by area, as the HTTP method, the path
# relative to the API base (https://api.openai.com/v1) with the API's parameter names, and what it does in our words.
# docs/COVERAGE.md is generated from this catalogue and the [ApiOperation] declarations of the cmdlets
# (build.ps1 -Task Build or -Task Coverage); the tests check that every declaration names an operation listed here.
# When the API gains an operation, add it here first: the coverage page then shows it as not yet covered.
@{
    Areas = @(
        @{
            Name       = 'Admin API keys'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/admin_api_keys'; Summary = 'List the admin keys' }
                @{ Method = 'POST'; Path = '/organization/admin_api_keys'; Summary = 'Create an admin key (the secret is returned once)' }
                @{ Method = 'GET'; Path = '/organization/admin_api_keys/{key_id}'; Summary = 'Get one admin key' }
                @{ Method = 'DELETE'; Path = '/organization/admin_api_keys/{key_id}'; Summary = 'Delete an admin key' }
            )
        }
        @{
            Name       = 'Audit logs'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/audit_logs'; Summary = 'List audit log events' }
            )
        }
        @{
            Name       = 'Usage and costs'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/costs'; Summary = 'Costs per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/completions'; Summary = 'Completions usage per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/embeddings'; Summary = 'Embeddings usage per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/moderations'; Summary = 'Moderations usage per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/images'; Summary = 'Image generation usage per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/audio_speeches'; Summary = 'Text-to-speech usage per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/audio_transcriptions'; Summary = 'Transcription usage per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/vector_stores'; Summary = 'Vector store storage per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/code_interpreter_sessions'; Summary = 'Code interpreter sessions per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/file_search_calls'; Summary = 'File search calls per time bucket' }
                @{ Method = 'GET'; Path = '/organization/usage/web_search_calls'; Summary = 'Web search calls per time bucket' }
            )
        }
        @{
            Name       = 'Spend limits and alerts'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/spend_limit'; Summary = 'Get the organization''s hard spend limit' }
                @{ Method = 'POST'; Path = '/organization/spend_limit'; Summary = 'Set (create or replace) the organization''s hard spend limit' }
                @{ Method = 'DELETE'; Path = '/organization/spend_limit'; Summary = 'Remove the organization''s hard spend limit' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/spend_limit'; Summary = 'Get a project''s hard spend limit' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/spend_limit'; Summary = 'Set (create or replace) a project''s hard spend limit' }
                @{ Method = 'DELETE'; Path = '/organization/projects/{project_id}/spend_limit'; Summary = 'Remove a project''s hard spend limit' }
                @{ Method = 'GET'; Path = '/organization/spend_alerts'; Summary = 'List the organization''s spend alerts' }
                @{ Method = 'POST'; Path = '/organization/spend_alerts'; Summary = 'Create an organization spend alert' }
                @{ Method = 'GET'; Path = '/organization/spend_alerts/{alert_id}'; Summary = 'Get an organization spend alert' }
                @{ Method = 'POST'; Path = '/organization/spend_alerts/{alert_id}'; Summary = 'Change an organization spend alert' }
                @{ Method = 'DELETE'; Path = '/organization/spend_alerts/{alert_id}'; Summary = 'Delete an organization spend alert' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/spend_alerts'; Summary = 'List a project''s spend alerts' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/spend_alerts'; Summary = 'Create a project spend alert' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/spend_alerts/{alert_id}'; Summary = 'Get a project spend alert' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/spend_alerts/{alert_id}'; Summary = 'Change a project spend alert' }
                @{ Method = 'DELETE'; Path = '/organization/projects/{project_id}/spend_alerts/{alert_id}'; Summary = 'Delete a project spend alert' }
            )
        }
        @{
            Name       = 'Data retention'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/data_retention'; Summary = 'Get the organization''s data retention' }
                @{ Method = 'POST'; Path = '/organization/data_retention'; Summary = 'Set the organization''s data retention' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/data_retention'; Summary = 'Get a project''s data retention' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/data_retention'; Summary = 'Set a project''s data retention' }
            )
        }
        @{
            Name       = 'Invites'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/invites'; Summary = 'List invites' }
                @{ Method = 'POST'; Path = '/organization/invites'; Summary = 'Invite someone to the organization' }
                @{ Method = 'GET'; Path = '/organization/invites/{invite_id}'; Summary = 'Get one invite' }
                @{ Method = 'DELETE'; Path = '/organization/invites/{invite_id}'; Summary = 'Delete a pending invite' }
            )
        }
        @{
            Name       = 'Users'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/users'; Summary = 'List the organization''s members' }
                @{ Method = 'GET'; Path = '/organization/users/{user_id}'; Summary = 'Get one member' }
                @{ Method = 'POST'; Path = '/organization/users/{user_id}'; Summary = 'Change a member''s role or profile' }
                @{ Method = 'DELETE'; Path = '/organization/users/{user_id}'; Summary = 'Remove a member from the organization' }
            )
        }
        @{
            Name       = 'Groups'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/groups'; Summary = 'List groups' }
                @{ Method = 'POST'; Path = '/organization/groups'; Summary = 'Create a group' }
                @{ Method = 'GET'; Path = '/organization/groups/{group_id}'; Summary = 'Get one group' }
                @{ Method = 'POST'; Path = '/organization/groups/{group_id}'; Summary = 'Rename a group' }
                @{ Method = 'DELETE'; Path = '/organization/groups/{group_id}'; Summary = 'Delete a group' }
                @{ Method = 'GET'; Path = '/organization/groups/{group_id}/users'; Summary = 'List a group''s members' }
                @{ Method = 'POST'; Path = '/organization/groups/{group_id}/users'; Summary = 'Add a user to a group' }
                @{ Method = 'GET'; Path = '/organization/groups/{group_id}/users/{user_id}'; Summary = 'Get one member of a group' }
                @{ Method = 'DELETE'; Path = '/organization/groups/{group_id}/users/{user_id}'; Summary = 'Remove a user from a group' }
            )
        }
        @{
            Name       = 'Roles'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/roles'; Summary = 'List organization roles' }
                @{ Method = 'POST'; Path = '/organization/roles'; Summary = 'Create a custom organization role' }
                @{ Method = 'GET'; Path = '/organization/roles/{role_id}'; Summary = 'Get one organization role' }
                @{ Method = 'POST'; Path = '/organization/roles/{role_id}'; Summary = 'Change a custom organization role' }
                @{ Method = 'DELETE'; Path = '/organization/roles/{role_id}'; Summary = 'Delete a custom organization role' }
                @{ Method = 'GET'; Path = '/organization/users/{user_id}/roles'; Summary = 'List the roles a user holds' }
                @{ Method = 'POST'; Path = '/organization/users/{user_id}/roles'; Summary = 'Give a user a role' }
                @{ Method = 'GET'; Path = '/organization/users/{user_id}/roles/{role_id}'; Summary = 'Get one role a user holds' }
                @{ Method = 'DELETE'; Path = '/organization/users/{user_id}/roles/{role_id}'; Summary = 'Take a role from a user' }
                @{ Method = 'GET'; Path = '/organization/groups/{group_id}/roles'; Summary = 'List the roles a group holds' }
                @{ Method = 'POST'; Path = '/organization/groups/{group_id}/roles'; Summary = 'Give a group a role' }
                @{ Method = 'GET'; Path = '/organization/groups/{group_id}/roles/{role_id}'; Summary = 'Get one role a group holds' }
                @{ Method = 'DELETE'; Path = '/organization/groups/{group_id}/roles/{role_id}'; Summary = 'Take a role from a group' }
            )
        }
        @{
            Name       = 'Projects'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/projects'; Summary = 'List projects' }
                @{ Method = 'POST'; Path = '/organization/projects'; Summary = 'Create a project' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}'; Summary = 'Get one project' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}'; Summary = 'Change a project' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/archive'; Summary = 'Archive a project (irreversible)' }
            )
        }
        @{
            Name       = 'Inside a project: people, groups and roles'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/users'; Summary = 'List a project''s users' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/users'; Summary = 'Add a user to a project' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/users/{user_id}'; Summary = 'Get one project user' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/users/{user_id}'; Summary = 'Change a project user''s role' }
                @{ Method = 'DELETE'; Path = '/organization/projects/{project_id}/users/{user_id}'; Summary = 'Remove a user from a project' }
                @{ Method = 'GET'; Path = '/projects/{project_id}/users/{user_id}/roles'; Summary = 'List the project roles a user holds' }
                @{ Method = 'POST'; Path = '/projects/{project_id}/users/{user_id}/roles'; Summary = 'Give a user a project role' }
                @{ Method = 'GET'; Path = '/projects/{project_id}/users/{user_id}/roles/{role_id}'; Summary = 'Get one project role a user holds' }
                @{ Method = 'DELETE'; Path = '/projects/{project_id}/users/{user_id}/roles/{role_id}'; Summary = 'Take a project role from a user' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/groups'; Summary = 'List the groups with access to a project' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/groups'; Summary = 'Give a group access to a project' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/groups/{group_id}'; Summary = 'Get one project group' }
                @{ Method = 'DELETE'; Path = '/organization/projects/{project_id}/groups/{group_id}'; Summary = 'Take a group''s access to a project' }
                @{ Method = 'GET'; Path = '/projects/{project_id}/groups/{group_id}/roles'; Summary = 'List the project roles a group holds' }
                @{ Method = 'POST'; Path = '/projects/{project_id}/groups/{group_id}/roles'; Summary = 'Give a group a project role' }
                @{ Method = 'GET'; Path = '/projects/{project_id}/groups/{group_id}/roles/{role_id}'; Summary = 'Get one project role a group holds' }
                @{ Method = 'DELETE'; Path = '/projects/{project_id}/groups/{group_id}/roles/{role_id}'; Summary = 'Take a project role from a group' }
                @{ Method = 'GET'; Path = '/projects/{project_id}/roles'; Summary = 'List a project''s roles' }
                @{ Method = 'POST'; Path = '/projects/{project_id}/roles'; Summary = 'Create a custom project role' }
                @{ Method = 'GET'; Path = '/projects/{project_id}/roles/{role_id}'; Summary = 'Get one project role' }
                @{ Method = 'POST'; Path = '/projects/{project_id}/roles/{role_id}'; Summary = 'Change a custom project role' }
                @{ Method = 'DELETE'; Path = '/projects/{project_id}/roles/{role_id}'; Summary = 'Delete a custom project role' }
            )
        }
        @{
            Name       = 'Machine access'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/service_accounts'; Summary = 'List a project''s service accounts' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/service_accounts'; Summary = 'Create a service account (with its first key, returned once)' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/service_accounts/{service_account_id}'; Summary = 'Get one service account' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/service_accounts/{service_account_id}'; Summary = 'Change a service account' }
                @{ Method = 'DELETE'; Path = '/organization/projects/{project_id}/service_accounts/{service_account_id}'; Summary = 'Delete a service account' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/service_accounts/{service_account_id}/api_keys'; Summary = 'Create a key for a service account (returned once)' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/api_keys'; Summary = 'List a project''s API keys' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/api_keys/{api_key_id}'; Summary = 'Get one project API key' }
                @{ Method = 'DELETE'; Path = '/organization/projects/{project_id}/api_keys/{api_key_id}'; Summary = 'Delete a project API key' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/rate_limits'; Summary = 'List a project''s rate limits per model' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/rate_limits/{rate_limit_id}'; Summary = 'Change a project rate limit' }
            )
        }
        @{
            Name       = 'Project policy'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/model_permissions'; Summary = 'Get which models a project may use' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/model_permissions'; Summary = 'Set which models a project may use' }
                @{ Method = 'DELETE'; Path = '/organization/projects/{project_id}/model_permissions'; Summary = 'Remove a project''s model restrictions' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/hosted_tool_permissions'; Summary = 'Get which hosted tools a project may use' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/hosted_tool_permissions'; Summary = 'Set which hosted tools a project may use' }
            )
        }
        @{
            Name       = 'Certificates'
            Operations = @(
                @{ Method = 'GET'; Path = '/organization/certificates'; Summary = 'List the organization''s certificates' }
                @{ Method = 'POST'; Path = '/organization/certificates'; Summary = 'Upload a certificate' }
                @{ Method = 'GET'; Path = '/organization/certificates/{certificate_id}'; Summary = 'Get one certificate (optionally with its PEM)' }
                @{ Method = 'POST'; Path = '/organization/certificates/{certificate_id}'; Summary = 'Rename a certificate' }
                @{ Method = 'DELETE'; Path = '/organization/certificates/{certificate_id}'; Summary = 'Delete a certificate' }
                @{ Method = 'POST'; Path = '/organization/certificates/activate'; Summary = 'Activate certificates for the organization' }
                @{ Method = 'POST'; Path = '/organization/certificates/deactivate'; Summary = 'Deactivate certificates for the organization' }
                @{ Method = 'GET'; Path = '/organization/projects/{project_id}/certificates'; Summary = 'List a project''s certificates' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/certificates/activate'; Summary = 'Activate certificates for a project' }
                @{ Method = 'POST'; Path = '/organization/projects/{project_id}/certificates/deactivate'; Summary = 'Deactivate certificates for a project' }
            )
        }
    )
}
