// Disabling an outer named block from deep inside nested blocks and a task ends all of them at once.
module top;
  integer trace;
  task check;
    input integer v;
    if (v == 3) disable outer;
  endtask
  initial begin
    trace = 0;
    begin : outer
      begin : mid
        begin : inner
          trace = trace + 1;
          check(1);
          trace = trace + 10;
          check(3);
          trace = trace + 100;
        end
        trace = trace + 1000;
      end
      trace = trace + 10000;
    end
    $display("trace=%0d", trace);
  end
endmodule
