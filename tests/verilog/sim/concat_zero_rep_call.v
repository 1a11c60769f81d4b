// A zero replication inside a concatenation contributes no bits, but its operand is still
// evaluated once (1364-2005 5.1.14): a function called there runs.
module concat_zero_rep_call;
    integer calls, c0;
    reg [7:0] r;
    reg [3:0] t;
    wire [7:0] w = {{0{bump(t[0])}}, t, 4'hz};

    function [3:0] bump;
        input x;
        begin
            calls = calls + 1;
            bump = 4'h5;
        end
    endfunction

    initial begin
        calls = 0;
        r = {4'h3, {0{bump(0)}}, 4'hc};
        $display("%h %0d", r, calls);
        r = {{0{bump(0), bump(1)}}, 8'h7x};
        $display("%h %0d", r, calls);
        // The count before the continuous assignment's operand changes, which is a time-0 race.
        #1 c0 = calls;
        t = 4'ha;
        #1 $display("%b %0d", w, calls - c0);
    end
endmodule
