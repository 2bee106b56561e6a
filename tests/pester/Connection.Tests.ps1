BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'Connect-OAIAdmin, Get-OAIAdminContext, Disconnect-OAIAdmin' {
    BeforeEach {
        Reset-Simulator
        Disconnect-OAIAdmin
        $script:savedKey = $env:OPENAI_ADMIN_KEY
        $script:savedUrl = $env:OPENAI_BASE_URL
        Remove-Item Env:OPENAI_ADMIN_KEY, Env:OPENAI_BASE_URL -ErrorAction SilentlyContinue
    }
    AfterEach {
        $env:OPENAI_ADMIN_KEY = $script:savedKey
        $env:OPENAI_BASE_URL = $script:savedUrl
        Connect-Simulator
    }

    It 'connects with -ApiKey and shows only the redacted key' {
        $context = Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $FakeAdminKey -AsPlainText -Force) -BaseUri $SimulatorUrl -PassThru
        $context.GetType().FullName | Should -Be 'OpenAIAdmin.AdminContext'
        $context.KeySource | Should -Be 'Parameter'
        $context.Key | Should -Be ('sk-admin-****' + $FakeAdminKey.Substring($FakeAdminKey.Length - 4))
        $context.BaseUri.AbsoluteUri.TrimEnd('/') | Should -Be $SimulatorUrl
        (Get-OAIAdminContext).Key | Should -Be $context.Key
        ($context | Format-List | Out-String) | Should -Not -Match ([regex]::Escape($FakeAdminKey))
        "$context" | Should -Not -Match ([regex]::Escape($FakeAdminKey))
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'connects with -Credential (the password is the key)' {
        $credential = [pscredential]::new('admin', (ConvertTo-SecureString $FakeAdminKey -AsPlainText -Force))
        (Connect-OAIAdmin -Credential $credential -BaseUri $SimulatorUrl -PassThru).KeySource | Should -Be 'Credential'
        (Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU).Id | Should -Be 'proj_defaultSbtsIO0rWI91rcsUU'
    }

    It 'connects from OPENAI_ADMIN_KEY and OPENAI_BASE_URL' {
        $env:OPENAI_ADMIN_KEY = $FakeAdminKey
        $env:OPENAI_BASE_URL = $SimulatorUrl
        $context = Connect-OAIAdmin -PassThru
        $context.KeySource | Should -Be 'Environment'
        $context.BaseUri.AbsoluteUri.TrimEnd('/') | Should -Be $SimulatorUrl
    }

    It 'connects implicitly from the environment on the first cmdlet' {
        $env:OPENAI_ADMIN_KEY = $FakeAdminKey
        $env:OPENAI_BASE_URL = $SimulatorUrl
        # Before any cmdlet ran, the context already shows the connection the next cmdlet will use.
        (Get-OAIAdminContext).Implicit | Should -BeTrue
        (Get-OAIProject -Id proj_defaultSbtsIO0rWI91rcsUU).Id | Should -Be 'proj_defaultSbtsIO0rWI91rcsUU'
        (Get-OAIAdminContext).Implicit | Should -BeTrue
    }

    It 'fails with NoConnection, terminating, when there is no key anywhere' {
        Get-ErrorId { Get-OAIProject } | Should -Be 'NoConnection,OpenAIAdmin.Commands.GetOAIProjectCommand'
        Get-ErrorId { Connect-OAIAdmin } | Should -Be 'NoConnection,OpenAIAdmin.Commands.ConnectOAIAdminCommand'
    }

    It 'rejects a project key before any request and says which key is needed' {
        $err = $null
        try { Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $FakeProjectKey -AsPlainText -Force) -BaseUri $SimulatorUrl }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidAdminKey,OpenAIAdmin.Commands.ConnectOAIAdminCommand'
        $err.ErrorDetails.RecommendedAction | Should -Match 'settings/organization/admin-keys'
        "$err" | Should -Not -Match ([regex]::Escape($FakeProjectKey))
        # The message names the kind of key needed; the redaction of key-shaped text leaves a kind alone.
        "$err" | Should -BeLike '*The Administration API needs an admin key (sk-admin-...).'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'turns a 401 from the server into InvalidAdminKey that explains the fix' {
        Connect-Simulator
        Add-SimulatorFault @{ kind = 'status'; status = 401; count = 1 }
        $err = $null
        try { Get-OAIProject -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidAdminKey,OpenAIAdmin.Commands.GetOAIProjectCommand'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.ErrorDetails.Message | Should -Match 'sk-admin-'
    }

    It 'rejects a base URI that is not http or https, or that has a query or fragment: <Url>' -ForEach @(
        @{ Url = 'ftp://example.com/' }
        @{ Url = 'http://127.0.0.1:9/v1?api-version=1' }
        @{ Url = 'http://127.0.0.1:9/v1#top' }
    ) {
        Get-ErrorId { Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $FakeAdminKey -AsPlainText -Force) -BaseUri $Url } |
            Should -Be 'InvalidBaseUri,OpenAIAdmin.Commands.ConnectOAIAdminCommand'
        Get-OAIAdminContext -WarningAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'shows neither a key given as the address nor a password in the address, anywhere in the error' -ForEach @(
        @{ Given = 'sk-admin-SECRETkey0123456789ab'; Secret = 'SECRETkey0123456789' }
        @{ Given = 'https://svc:P4ssw0rdXYZ@proxy.example.test/v1'; Secret = 'P4ssw0rdXYZ' }
        @{ Given = 'http://127.0.0.1:9/sk-admin-SECRETkey0123456789ab/v1'; Secret = 'SECRETkey0123456789' }
        @{ Given = 'http://127.0.0.1:9/sk%2Dadmin%2DSECRETkey0123456789ab/v1'; Secret = 'SECRETkey0123456789' }
    ) {
        $errors = @(
            try { Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $FakeAdminKey -AsPlainText -Force) -BaseUri $Given } catch { $_ }
            $env:OPENAI_ADMIN_KEY = $FakeAdminKey
            $env:OPENAI_BASE_URL = $Given
            try { Get-OAIProject -ErrorAction Stop } catch { $_ }
        )
        $errors.Count | Should -Be 2
        foreach ($err in $errors) {
            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidBaseUri,*'
            $shown = ($err | Out-String) + ($err | Format-List * -Force | Out-String) + $err.CategoryInfo.GetMessage() + "$($err.TargetObject)" + $err.Exception.Message
            $shown | Should -Not -Match $Secret
        }
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'refuses a key no request could carry before any request: <Why>' -ForEach @(
        @{ Why = 'an invisible character'; Key = "sk-admin-pester-fake-0123456$([char]0x200B)"; Says = 'U+200B' }
        @{ Why = 'a line break inside'; Key = "sk-admin-pester-fake`n0123456"; Says = 'white space' }
        @{ Why = 'a Bearer prefix'; Key = 'Bearer sk-admin-pester-fake-0123456'; Says = "'Bearer '" }
        @{ Why = 'the quotes of a .env file'; Key = "'sk-admin-pester-fake-0123456'"; Says = 'in quotes' }
        @{ Why = 'double quotes'; Key = '"sk-admin-pester-fake-0123456"'; Says = 'in quotes' }
        @{ Why = 'the backticks of Markdown'; Key = '`sk-admin-pester-fake-0123456`'; Says = 'in quotes' }
        @{ Why = 'a trailing semicolon'; Key = 'sk-admin-pester-fake-0123456;'; Says = "ends with ';'" }
    ) {
        $err = $null
        try { Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $SimulatorUrl } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidAdminKey,OpenAIAdmin.Commands.ConnectOAIAdminCommand'
        "$err" | Should -BeLike "*$Says*Nothing was sent."
        "$err" | Should -Not -Match 'fake-0123'
        $env:OPENAI_ADMIN_KEY = $Key
        $env:OPENAI_BASE_URL = $SimulatorUrl
        Get-ErrorId { Get-OAIProject } | Should -Be 'InvalidAdminKey,OpenAIAdmin.Commands.GetOAIProjectCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'validates -MaxRetryCount' {
        Get-ErrorId { Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $FakeAdminKey -AsPlainText -Force) -MaxRetryCount 101 } |
            Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.ConnectOAIAdminCommand'
    }

    It 'leaves no connection when it fails on its own Verbose line (-Debug in a non-interactive run)' {
        # -Debug makes every Verbose line of a compiled cmdlet a prompt, which a -NonInteractive host refuses.
        $script = "Import-Module '$env:OPENAIADMIN_MODULE'; `$env:OPENAI_ADMIN_KEY = `$null`n" +
            "try { Connect-OAIAdmin -ApiKey (ConvertTo-SecureString '$FakeAdminKey' -AsPlainText -Force) -BaseUri '$SimulatorUrl' -Debug } catch { 'failed: ' + `$_.FullyQualifiedErrorId }`n" +
            "try { Get-OAIUser -First 1 -ErrorAction Stop | Out-Null; 'connected' } catch { `$_.FullyQualifiedErrorId }"
        # As a scheduled task runs it: -Command writes the prompt's line instead of failing, -File fails.
        Set-Content -Path "$TestDrive/connect-debug.ps1" -Value $script
        $process = [System.Diagnostics.Process]::Start((New-PwshStartInfo '-File', "$TestDrive/connect-debug.ps1"))
        $output = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit(60000) | Out-Null
        # The host writes the Verbose line, then refuses the prompt that -Debug adds to it.
        $lines = @($output -split '\r?\n' | Where-Object { $_ -and $_ -notlike '*VERBOSE:*' })
        $lines[0] | Should -Be 'failed: InvalidOperation,OpenAIAdmin.Commands.ConnectOAIAdminCommand'
        $lines[1] | Should -Be 'NoConnection,OpenAIAdmin.Commands.GetOAIUserCommand'
    }

    It 'Disconnect-OAIAdmin forgets the connection' {
        Connect-Simulator
        Disconnect-OAIAdmin
        Get-OAIAdminContext | Should -BeNullOrEmpty
        Get-ErrorId { Get-OAIUser -First 1 } | Should -Be 'NoConnection,OpenAIAdmin.Commands.GetOAIUserCommand'
    }
}

Describe 'Secrets never leak' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'keeps the key out of Verbose, Debug, errors and the transcript' {
        Add-SimulatorFault @{ kind = 'status'; status = 429; retry_after_ms = 10; count = 1 }
        $text = Get-HostText {
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            Get-OAIProject -Verbose -Debug | Out-Null
            Get-OAIUser -First 2 -Verbose -Debug | Out-Null
            # -Debug on a compiled cmdlet turns its warnings into prompts unless -WarningAction is given,
            # and this run is non-interactive.
            New-OAIAdminApiKey -Name leak-check -Verbose -Debug -WarningAction Continue | Format-List | Out-Host
            Get-OAIProject -Id proj_missing -Verbose -Debug -ErrorAction Continue
        }
        $text | Should -Match 'HTTP GET'
        $text | Should -Match 'Retrying GET'
        $text | Should -Not -Match ([regex]::Escape($FakeAdminKey))
        $text | Should -Not -Match 'sk-admin-[A-Za-z0-9_-]{20,}'
    }

    It 'refuses a key given as an id before any request, and shows it redacted in the confirmation and the error' {
        $pasted = 'sk-proj-pastedAsAnId77'
        $text = Get-HostText {
            Remove-OAIProject -Id $pasted -WhatIf
            try { Remove-OAIProject -Id $pasted -Force -Verbose -ErrorAction Stop } catch { $script:refused = $_ }
            try { Get-OAIProjectApiKey -ProjectId $pasted -ErrorAction Stop } catch { $script:refusedRead = $_ }
            # The cmdlets' own Verbose lines and warnings quote what was given.
            Disable-OAICertificate -Id $pasted -Confirm:$false -Verbose -ErrorAction SilentlyContinue
            $alert = New-OAISpendAlert -Amount 10 -Recipient ops@example.com -Confirm:$false
            Set-OAISpendAlert -Id $alert.Id -RemoveRecipient $pasted -Confirm:$false -WarningAction Continue | Out-Null
        }
        $text | Should -Match ([regex]::Escape('certificate(s) in the organization: sk-proj-****Id77'))
        $text | Should -Match ([regex]::Escape("'sk-proj-****Id77' is not a recipient"))
        $text | Should -Match ([regex]::Escape('on target "project sk-proj-****Id77"'))
        foreach ($record in $script:refused, $script:refusedRead) {
            $record.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
            $record.Exception.Message | Should -Match 'is an API key, not an id\. Nothing was sent'
            ($record | Format-List * -Force | Out-String) + ($record.Exception | Format-List * -Force | Out-String) | Should -Not -Match $pasted
        }
        $text | Should -Not -Match $pasted
        @(Get-SimulatorRequest | Where-Object { "$($_.path)$($_.query)$($_.body)" -match $pasted }).Count | Should -Be 0
        @(Get-SimulatorRequest | Where-Object path -like '*/projects*').Count | Should -Be 0
    }

    It 'keeps a proxy password out of errors and Verbose, and does not retry a proxy that asks for credentials (<Address>)' -ForEach @(
        # https goes through a tunnel the proxy refuses; http is forwarded, and the proxy answers the request itself.
        # The runtime quotes the proxy's address, password and all, only for the tunnel.
        @{ Address = 'https://proxy-check.invalid/v1'; Seen = 'CONNECT proxy-check.invalid:443 HTTP/1.1'; Quoted = $true }
        @{ Address = 'http://proxy-check.invalid/v1'; Seen = 'POST http://proxy-check.invalid/v1/organization/projects HTTP/1.1'; Quoted = $false }
    ) {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $proxy = Start-ThreadJob -ArgumentList $listener -ScriptBlock {
            param($listener)
            try {
                while ($true) {
                    $client = $listener.AcceptTcpClient()
                    $stream = $client.GetStream()
                    $reader = [System.IO.StreamReader]::new($stream)
                    $requestLine = $reader.ReadLine()
                    while ($reader.ReadLine()) { }
                    $answer = [Text.Encoding]::ASCII.GetBytes("HTTP/1.1 407 Proxy Authentication Required`r`nProxy-Authenticate: Basic realm=`"corp`"`r`nContent-Length: 0`r`nConnection: close`r`n`r`n")
                    $stream.Write($answer, 0, $answer.Length)
                    $client.Close()
                    $requestLine
                }
            }
            catch { }
        }
        $saved = [System.Net.Http.HttpClient]::DefaultProxy
        try {
            # The runtime reads HTTPS_PROXY into DefaultProxy once per process; a new connection's handler takes it as it is now.
            [System.Net.Http.HttpClient]::DefaultProxy = [System.Net.WebProxy]::new("http://proxyuser:PROXYPASS77@127.0.0.1:$port")
            Connect-OAIAdmin -ApiKey (ConvertTo-SecureString $FakeAdminKey -AsPlainText -Force) -BaseUri $Address -MaxRetryCount 3 -WarningAction SilentlyContinue
            $script:failure = $null
            $text = Get-HostText { try { New-OAIProject -Name proxied -Verbose -ErrorAction Stop } catch { $script:failure = $_ } }
        }
        finally {
            [System.Net.Http.HttpClient]::DefaultProxy = $saved
            $listener.Stop()
            $tunnels = @($proxy | Wait-Job -Timeout 10 | Receive-Job)
            $proxy | Remove-Job -Force
        }
        $script:failure.FullyQualifiedErrorId | Should -BeLike 'ApiUnreachable,*'
        $script:failure.Exception.Message | Should -Match 'HTTP 407'
        $script:failure.Exception.Message | Should -Match ([regex]::Escape("give the proxy's user and password in HTTPS_PROXY"))
        $script:failure.Exception.Message | Should -Not -Match 'may have applied'
        $shown = $text + ($script:failure | Format-List * -Force | Out-String) + ($script:failure.Exception | Format-List * -Force | Out-String)
        for ($e = $script:failure.Exception; $null -ne $e; $e = $e.InnerException) { $shown += $e.Message + $e.ToString() }
        if ($Quoted) { $shown | Should -Match ([regex]::Escape("http://***@127.0.0.1:$port")) }
        $shown | Should -Not -Match 'PROXYPASS77'
        # The proxy refused once; nothing was retried and nothing reached the API.
        $tunnels | Should -Be @($Seen)
    }

    It 'keeps the key out of streams captured as objects' {
        $records = & { Get-OAIProject -Id proj_missing -Verbose -Debug -ErrorAction Continue } 2>&1 4>&1 5>&1 | Out-String
        $records | Should -Match 'ApiNotFound|proj_missing'
        $records | Should -Not -Match ([regex]::Escape($FakeAdminKey))
    }
}
